namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>Wages this employer paid earlier in the year, before this period; any left out are zero.</summary>
public sealed record WithholdingYearToDate(decimal? SocialSecurityWages = null, decimal? MedicareWages = null, decimal? SupplementalWages = null);
