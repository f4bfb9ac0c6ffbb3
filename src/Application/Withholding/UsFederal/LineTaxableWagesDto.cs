namespace PayrollPortal.Application.Withholding.UsFederal;

public sealed record LineTaxableWagesDto(decimal FederalIncomeTax, decimal SocialSecurity, decimal Medicare, decimal AdditionalMedicare);
