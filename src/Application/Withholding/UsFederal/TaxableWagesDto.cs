namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>The wages each tax was figured on; <see cref="Supplemental"/> is the flat-rate part of <see cref="FederalIncomeTax"/>.</summary>
public sealed record TaxableWagesDto(
    decimal FederalIncomeTax,
    decimal Supplemental,
    decimal SocialSecurity,
    decimal Medicare,
    decimal AdditionalMedicare);
