namespace PayrollPortal.Application.Withholding.UsFederal;

public sealed record LineWithholdingsDto(decimal FederalIncomeTax, decimal SocialSecurity, decimal Medicare, decimal AdditionalMedicare);
