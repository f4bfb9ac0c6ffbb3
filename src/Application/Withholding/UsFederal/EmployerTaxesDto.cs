namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>The employer's matching share; there is none for Additional Medicare.</summary>
public sealed record EmployerTaxesDto(decimal SocialSecurity, decimal Medicare);
