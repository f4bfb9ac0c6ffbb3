namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>One pay period's US federal withholding, each amount rounded half-up to cents once, at the end.</summary>
/// <param name="FederalIncomeTax">Worksheet 1A line 4b plus the flat-rate tax on supplemental wages.</param>
public sealed record UsFederalWithholding(
    decimal FederalIncomeTax,
    decimal SocialSecurity,
    decimal Medicare,
    decimal AdditionalMedicare,
    decimal EmployerSocialSecurity,
    decimal EmployerMedicare,
    UsTaxableWages TaxableWages,
    UsWorksheetTrace Trace);
