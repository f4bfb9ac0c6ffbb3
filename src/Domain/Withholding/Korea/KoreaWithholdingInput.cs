namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>
/// One month's pay of a monthly-paid employee (근로소득, 직장가입자), in whole KRW.
/// </summary>
/// <param name="PayYear">The premium month's year; it picks the year's figures.</param>
/// <param name="PayMonth">The premium month (1-12): the pension bounds change in July, long-term care by month.</param>
/// <param name="PayDate">The withholding date: the child amounts switch on it (2026-03-01), and the simplified table starts on 2024-03-01.</param>
/// <param name="MonthlyPay">Taxable pay: base pay, taxable allowances and bonus, without the non-taxable allowances.</param>
/// <param name="NonTaxable">Allowances paid on top; only what exceeds a limit becomes taxable.</param>
/// <param name="Dependents">공제대상가족 수, the employee included (1 and up; above 11 by 별표2 비고 4).</param>
/// <param name="ChildrenAged8To20">Children aged 8 to 20 among the dependents.</param>
/// <param name="WithholdingRatio">80, 100 or 120 (소득세법 시행령 제194조①).</param>
/// <param name="PremiumMonth">A month of hire or leaving: which of 국민연금 and 건강·장기요양보험 are due and on what pay; null
/// in an ordinary month, whose premiums follow the month's pay.</param>
public sealed record KoreaWithholdingInput(
    int PayYear,
    int PayMonth,
    DateOnly PayDate,
    long MonthlyPay,
    KoreaNonTaxableAllowances NonTaxable,
    int Dependents,
    int ChildrenAged8To20,
    int WithholdingRatio,
    KoreaPremiumMonth? PremiumMonth = null);

/// <summary>식대, 자가운전보조금 and 보육수당 paid this month, in KRW.</summary>
public sealed record KoreaNonTaxableAllowances(long Meals, long CarAllowance, long Childcare)
{
    public static readonly KoreaNonTaxableAllowances None = new(0, 0, 0);

    public long Total => Meals + CarAllowance + Childcare;
}
