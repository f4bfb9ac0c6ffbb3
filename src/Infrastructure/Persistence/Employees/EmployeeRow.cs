using PayrollPortal.Application.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

/// <summary>An <c>employees</c> row with its company's regime. The SSN ciphertext is never selected by the read paths.</summary>
internal sealed class EmployeeRow
{
    /// <summary>Selected from <see cref="From"/>.</summary>
    public const string Columns =
        "e.id AS Id, e.company_id AS CompanyId, e.first_name AS FirstName, e.last_name AS LastName, e.ssn_last4 AS SsnLast4, e.hire_date AS HireDate, " +
        "e.termination_date AS TerminationDate, e.pay_frequency AS PayFrequency, e.created_at AS CreatedAt, e.updated_at AS UpdatedAt, " +
        "COALESCE(r.regime, '" + Company.DefaultRegime + "') AS Regime, e.employee_number AS EmployeeNumber, e.pay_schedule_id AS PayScheduleId";

    public const string From = "employees e LEFT JOIN company_regimes r ON r.company_id = e.company_id";

    public Guid Id { get; init; }

    public Guid CompanyId { get; init; }

    public string FirstName { get; init; } = string.Empty;

    public string LastName { get; init; } = string.Empty;

    public string SsnLast4 { get; init; } = string.Empty;

    public DateOnly HireDate { get; init; }

    public DateOnly? TerminationDate { get; init; }

    public string PayFrequency { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string Regime { get; init; } = string.Empty;

    public string? EmployeeNumber { get; init; }

    public Guid? PayScheduleId { get; init; }

    public Employee ToDomain(IEmployeeTaxProfile profile) => new Employee(
        Id, CompanyId, FirstName, LastName, SsnLast4, HireDate, TerminationDate, EnumText.ParsePayFrequency(PayFrequency), profile, CreatedAt, UpdatedAt)
        .WithNumberAndSchedule(EmployeeNumber, PayScheduleId);
}
