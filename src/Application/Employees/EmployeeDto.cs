using PayrollPortal.Application.Withholding;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// An employee as the API shows it: the national identifier only ever as its last four digits and a mask (<c>***-**-1234</c>
/// for an SSN, <c>******-***1234</c> for a 주민등록번호). A us-federal employee has a W-4 and its history; a kr employee has
/// <see cref="Kr"/> and <see cref="KrHistory"/> instead: its <see cref="W4"/> is JSON null (the declared type stays the
/// us-federal contract) and <see cref="W4EffectiveDate"/> is its current profile's effective date.
/// </summary>
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
    DateTimeOffset UpdatedAt,
    string Regime = UsFederalRegime.RegimeCode,
    KoreaProfileDto? Kr = null,
    IReadOnlyList<KoreaProfileDto>? KrHistory = null)
{
    public static EmployeeDto From(Employee employee)
    {
        if (employee.KoreaProfiles.Count > 0)
        {
            return new EmployeeDto(
                employee.Id, employee.CompanyId, employee.FirstName, employee.LastName, employee.SsnLast4,
                ResidentRegistrationNumber.Mask(employee.SsnLast4), employee.HireDate, employee.TerminationDate, W4Mapping.ToText(employee.PayFrequency),
                employee.Exempt, null!, employee.KoreaProfiles[^1].EffectiveDate, [], employee.CreatedAt, employee.UpdatedAt, KoreaRegime.RegimeCode,
                KoreaProfileDto.From(employee.KoreaProfiles[^1]), [.. employee.KoreaProfiles.Select(KoreaProfileDto.From)]);
        }

        return new EmployeeDto(
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
}
