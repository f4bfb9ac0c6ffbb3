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
}
