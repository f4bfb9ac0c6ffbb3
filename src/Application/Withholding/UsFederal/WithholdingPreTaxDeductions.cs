namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>Per-period salary reductions; any left out are zero.</summary>
public sealed record WithholdingPreTaxDeductions(decimal? Retirement = null, decimal? Cafeteria = null, decimal? Hsa = null);
