using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A regime's employee profile: which fields an employee of its companies takes (a W-4, a kr profile, the national
/// identifier), their validation, how a change joins the profile's history, and how the profile shows in the API.
/// </summary>
public interface IEmployeeProfiles : IRegimePart
{
    /// <summary>Whether the regime's fields take a <c>payFrequency</c> (kr pays monthly and takes none); a pay schedule fills it in.</summary>
    bool TakesPayFrequency => true;

    /// <summary>Reads and validates a new employee's regime fields; errors name the request's fields.</summary>
    Result<NewEmployeeProfile> ForHire(RegimeFields fields, DateOnly hireDate);

    /// <summary>Reads and validates a partial update's regime fields without applying them.</summary>
    IReadOnlyList<Error> CheckChange(RegimeFields fields);

    /// <summary>
    /// Applies a partial update's regime fields to <paramref name="employee"/>'s profile, in place, or fails without changing
    /// anything. Fields left out are unchanged.
    /// </summary>
    Result<EmployeeProfileChange> Change(RegimeFields fields, Employee employee);

    /// <summary>The profile's members of the employee as the API shows it, written beside the core members.</summary>
    void Describe(Employee employee, IDictionary<string, object?> members);

    /// <summary>The national identifier as shown, from its last four digits (<c>***-**-1234</c>).</summary>
    string MaskNationalId(string last4);
}
