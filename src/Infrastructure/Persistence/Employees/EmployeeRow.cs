using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

/// <summary>An <c>employees</c> row. The SSN ciphertext is never selected by the read paths.</summary>
internal sealed class EmployeeRow
{
    public const string Columns =
        "id AS Id, company_id AS CompanyId, first_name AS FirstName, last_name AS LastName, ssn_last4 AS SsnLast4, hire_date AS HireDate, " +
        "termination_date AS TerminationDate, pay_frequency AS PayFrequency, exempt AS Exempt, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public Guid Id { get; init; }

    public Guid CompanyId { get; init; }

    public string FirstName { get; init; } = string.Empty;

    public string LastName { get; init; } = string.Empty;

    public string SsnLast4 { get; init; } = string.Empty;

    public DateOnly HireDate { get; init; }

    public DateOnly? TerminationDate { get; init; }

    public string PayFrequency { get; init; } = string.Empty;

    public bool Exempt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Employee ToDomain(IEnumerable<EmployeeW4> history, IEnumerable<KoreaProfile>? koreaProfiles = null) => new(
        Id, CompanyId, FirstName, LastName, SsnLast4, HireDate, TerminationDate, W4Mapping.ParseValidatedPayFrequency(PayFrequency), Exempt,
        history, CreatedAt, UpdatedAt, koreaProfiles);
}
