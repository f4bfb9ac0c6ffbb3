namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>식대, 자가운전보조금 and 보육수당 for the month, in whole KRW; anything left out is zero.</summary>
public sealed record KoreaNonTaxableDto(decimal? Meals = null, decimal? CarAllowance = null, decimal? Childcare = null);
