namespace PayrollPortal.Domain.Withholding.UsFederal.Tables;

/// <summary>
/// A year's Social Security and Medicare figures. <see cref="MaxEmployeeSocialSecurityTax"/> is the SSA's published
/// maximum, when the table states it, and is only used to cross-check the wage base.
/// </summary>
public sealed record FicaRates(
    decimal SocialSecurityEmployeeRate,
    decimal SocialSecurityEmployerRate,
    decimal SocialSecurityWageBase,
    decimal? MaxEmployeeSocialSecurityTax,
    decimal MedicareEmployeeRate,
    decimal MedicareEmployerRate,
    decimal AdditionalMedicareEmployeeRate,
    decimal AdditionalMedicareThreshold);
