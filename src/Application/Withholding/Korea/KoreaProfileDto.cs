using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// A kr employee's withholding profile as the API takes and shows it: 공제대상가족 수 (the employee included), children aged
/// 8 to 20, the 80/100/120% ratio and the monthly non-taxable allowances in whole KRW.
/// </summary>
public sealed record KoreaProfileDto(
    int? Dependents,
    int? ChildrenAged8To20 = null,
    int? WithholdingRatio = null,
    KoreaNonTaxableDto? NonTaxable = null,
    DateOnly? EffectiveDate = null)
{
    public static KoreaProfileDto From(KoreaProfile profile) => new(
        profile.Dependents,
        profile.ChildrenAged8To20,
        profile.WithholdingRatio,
        new KoreaNonTaxableDto(profile.MonthlyNonTaxable.Meals, profile.MonthlyNonTaxable.CarAllowance, profile.MonthlyNonTaxable.Childcare),
        profile.EffectiveDate);

    /// <summary>The domain profile; call only after <see cref="KoreaProfileValidator"/> passed.</summary>
    public KoreaProfile ToDomain(DateOnly effectiveDate) => new(
        EffectiveDate ?? effectiveDate,
        Dependents!.Value,
        ChildrenAged8To20 ?? 0,
        WithholdingRatio ?? 100,
        new KoreaNonTaxableAllowances(KrwAmount.ToKrw(NonTaxable?.Meals), KrwAmount.ToKrw(NonTaxable?.CarAllowance), KrwAmount.ToKrw(NonTaxable?.Childcare)));
}
