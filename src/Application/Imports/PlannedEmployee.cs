using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Imports;

/// <summary>One row's write, prepared but not yet stored.</summary>
/// <param name="Ssn">The identifier to store: always for a new employee, for an update only when it changed.</param>
public sealed record PlannedEmployee(
    int Row, string Action, Employee Employee, ProtectedSsn? Ssn, StoredCompensation? Compensation, IReadOnlyList<string> Changes)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
}
