using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Npgsql;
using PayrollPortal.Application.Common.Persistence;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// Whether the most recent write failed because the storage could not take it (disk full, an I/O error, a read-only file
/// system or database, the SQLite file replaced). Readiness reports it until a write succeeds again, so a load balancer
/// stops sending traffic to an instance that can only fail, and takes it back by itself once the storage recovers.
/// </summary>
public sealed class StorageFaults(TimeProvider clock) : IStorageFaults
{
    private volatile Fault? _current;

    /// <summary>The latest storage failure, or null once a write has succeeded since.</summary>
    public Fault? Current => _current;

    /// <summary>Remembers <paramref name="exception"/> if the storage caused it; returns whether it did.</summary>
    public bool Observe(Exception exception)
    {
        if (Describe(exception) is not { } reason)
        {
            return false;
        }

        _current = new Fault(reason, _current?.Since ?? clock.GetUtcNow());
        return true;
    }

    public bool TryObserve(Exception exception, [NotNullWhen(true)] out string? reason)
    {
        reason = Describe(exception);
        return Observe(exception);
    }

    /// <summary>A write succeeded: the storage takes data again.</summary>
    public void WriteSucceeded() => _current = null;

    /// <summary>Why the storage failed, in one line, or null when <paramref name="exception"/> is not a storage failure.</summary>
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseFileMovedException moved:
                    return moved.Message;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteIoError or SqliteFull or SqliteReadOnly or SqliteCantOpen:
                    return $"SQLite error {sqlite.SqliteExtendedErrorCode}: {OneLine(sqlite.Message)}";
                case PostgresException postgres when postgres.SqlState is PostgresErrorCodes.DiskFull or PostgresErrorCodes.IoError
                    or PostgresErrorCodes.ReadOnlySqlTransaction:
                    return $"PostgreSQL {postgres.SqlState}: {OneLine(postgres.MessageText)}";
            }
        }

        return null;
    }

    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <param name="Reason">The storage's own words.</param>
    /// <param name="Since">When writes started failing.</param>
    public sealed record Fault(string Reason, DateTimeOffset Since);
}
