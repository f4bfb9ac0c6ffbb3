using System.Text.Json.Serialization;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// An employee as the API shows it: the national identifier only ever as its last four digits and the regime's mask
/// (<c>***-**-1234</c> for an SSN, <c>******-***1234</c> for a 주민등록번호), and the regime's profile members inline (a W-4
/// and its history for us-federal; <c>kr</c> and <c>krHistory</c> for kr).
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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Regime,
    string? EmployeeNumber,
    Guid? PayScheduleId)
{
    /// <summary>The regime's profile members, serialised inline.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? RegimeMembers { get; init; }

    public static EmployeeDto From(Employee employee, IEmployeeProfiles regime)
    {
        var members = new RegimeMembers();
        regime.Describe(employee, members);
        return new EmployeeDto(
            employee.Id,
            employee.CompanyId,
            employee.FirstName,
            employee.LastName,
            employee.SsnLast4,
            regime.MaskNationalId(employee.SsnLast4),
            employee.HireDate,
            employee.TerminationDate,
            EnumText.ToText(employee.PayFrequency),
            employee.CreatedAt,
            employee.UpdatedAt,
            employee.TaxProfile.Regime,
            employee.EmployeeNumber,
            employee.PayScheduleId)
        {
            RegimeMembers = members,
        };
    }
}
