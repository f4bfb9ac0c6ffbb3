using PayrollPortal.Application.Withholding;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <summary>An employee as the API shows it: the SSN only ever as its last four digits and a mask.</summary>
public sealed record EmployeeDto(
    Guid Id,
    Guid CompanyId,
    string FirstName,
    string LastName,
    string SsnLast4,
    string SsnMasked,
    DateOnly HireDate,
    DateOnly? TerminationDate,
    string PayFrequency,
    bool Exempt,
    WithholdingW4 W4,
    DateOnly W4EffectiveDate,
    IReadOnlyList<EmployeeW4Dto> W4History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static EmployeeDto From(Employee employee) => new(
        employee.Id,
        employee.CompanyId,
        employee.FirstName,
        employee.LastName,
        employee.SsnLast4,
        Ssn.Mask(employee.SsnLast4),
        employee.HireDate,
        employee.TerminationDate,
        W4Mapping.ToText(employee.PayFrequency),
        employee.Exempt,
        W4Mapping.ToDto(employee.CurrentW4.Form),
        employee.CurrentW4.EffectiveDate,
        [.. employee.W4History.Select(w => new EmployeeW4Dto(w.EffectiveDate, W4Mapping.ToDto(w.Form)))],
        employee.CreatedAt,
        employee.UpdatedAt);
}
