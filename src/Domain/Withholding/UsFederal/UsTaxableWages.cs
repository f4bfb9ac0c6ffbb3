namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>The wages each tax was figured on this period.</summary>
/// <param name="FederalIncomeTax">Regular plus supplemental wages after income-tax-exempt deductions.</param>
/// <param name="Supplemental">The supplemental part of <paramref name="FederalIncomeTax"/>, taxed at the flat rates.</param>
/// <param name="AdditionalMedicare">The part of this period's Medicare wages that takes the year past the threshold.</param>
public readonly record struct UsTaxableWages(
    decimal FederalIncomeTax,
    decimal Supplemental,
    decimal SocialSecurity,
    decimal Medicare,
    decimal AdditionalMedicare);
