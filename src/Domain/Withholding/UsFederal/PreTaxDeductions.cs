namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// Per-period salary reductions. A 401(k)/403(b) deferral is still FICA wages; section 125 (cafeteria) and HSA
/// reductions are excluded from both income tax and FICA wages.
/// </summary>
public readonly record struct PreTaxDeductions(decimal Retirement = 0m, decimal Cafeteria = 0m, decimal Hsa = 0m);
