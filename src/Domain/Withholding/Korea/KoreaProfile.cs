namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>
/// An employee's kr withholding profile from <paramref name="EffectiveDate"/> on; the history is kept like the W-4's, so a
/// payroll recomputes with the profile in effect on its pay date.
/// </summary>
/// <param name="MonthlyNonTaxable">The allowances paid every month unless a payroll line says otherwise.</param>
public sealed record KoreaProfile(
    DateOnly EffectiveDate,
    int Dependents,
    int ChildrenAged8To20,
    int WithholdingRatio,
    KoreaNonTaxableAllowances MonthlyNonTaxable);
