using System.Diagnostics.CodeAnalysis;

namespace PayrollPortal.Application.Common.Persistence;

/// <summary>Tells a storage failure (disk full, I/O error, read-only database) from a bug, and remembers it for readiness.</summary>
public interface IStorageFaults
{
    /// <summary>True when the storage caused <paramref name="exception"/>, with the storage's own words in <paramref name="reason"/>.</summary>
    bool TryObserve(Exception exception, [NotNullWhen(true)] out string? reason);
}
