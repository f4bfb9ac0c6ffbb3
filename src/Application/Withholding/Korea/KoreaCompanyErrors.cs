using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>A request shaped for one regime sent to a company on another.</summary>
public static class KoreaCompanyErrors
{
    public static readonly Error NotKoreaCompany = Error.Validation(
        "employee.regime_mismatch",
        $"This company is not on the {KoreaRegime.RegimeCode} regime: send ssn, payFrequency and w4 instead of residentRegistrationNumber and kr.",
        "residentRegistrationNumber");

    public static readonly Error KoreaCompany = Error.Validation(
        "employee.regime_mismatch",
        $"This company is on the {KoreaRegime.RegimeCode} regime: send residentRegistrationNumber and kr (the withholding profile) instead of ssn and w4.",
        "ssn");

    public static readonly Error RrnTaken = Error.Conflict(
        "employee.rrn_taken", "An employee with this residentRegistrationNumber already exists in the company.", "residentRegistrationNumber");

    /// <summary>A us-federal field (ssn, w4, payFrequency, exempt) sent to change a kr employee.</summary>
    public static Error NotForKoreaEmployee(string field) => Error.Validation(
        "employee.regime_mismatch",
        $"{field} does not apply to an employee of a {KoreaRegime.RegimeCode} company: send residentRegistrationNumber or kr (a new profile with its effectiveDate).",
        field);

    /// <summary>A kr field sent to change a us-federal employee.</summary>
    public static Error OnlyForKoreaEmployee(string field) => Error.Validation(
        "employee.regime_mismatch",
        $"{field} applies only to employees of a {KoreaRegime.RegimeCode} company: send ssn or w4 (with w4EffectiveDate) instead.",
        field);
}
