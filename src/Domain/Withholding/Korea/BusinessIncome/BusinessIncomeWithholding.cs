namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

/// <summary>
/// Withholding on business income (사업소득) paid to a person, as docs/BUSINESS_INCOME.md sets out with its sources:
/// <list type="bullet">
/// <item>a resident: income tax 3% of the amount (Income Tax Act art. 129(1)3), local income tax 10% of that income tax
///   (Local Tax Act art. 103-13);</item>
/// <item>a non-resident: 20% (art. 156(1)) or the treaty rate recorded on the payee, local income tax 10% of that income tax
///   (Local Tax Act art. 103-18);</item>
/// <item>each tax truncated to 10 KRW (the 10-won truncation of withheld tax, 국고금 관리법 art. 47), the local tax computed
///   from the income tax already truncated;</item>
/// <item>소액부징수 (art. 86): withheld income tax under 1,000 KRW is not collected. For personal-service business income paid on
///   or after 2024-07-01 the rule no longer applies: the tax is withheld whatever its size.</item>
/// </list>
/// </summary>
public static class BusinessIncomeWithholding
{
    public const int ResidentRateBasisPoints = 300;
    public const int NonresidentRateBasisPoints = 2000;

    /// <summary>The smallest income tax that is collected where the small-amount rule applies.</summary>
    public const long SmallAmountThreshold = 1_000;

    /// <summary>The first pay date on which personal-service business income is withheld even under 1,000 KRW.</summary>
    public static readonly DateOnly SmallAmountRuleEndsForPersonalServices = new(2024, 7, 1);

    public const long MaxAmount = 1_000_000_000_000;

    public static int RateFor(ResidentType residentType, int? treatyRateBasisPoints) =>
        residentType == ResidentType.Resident ? ResidentRateBasisPoints : treatyRateBasisPoints ?? NonresidentRateBasisPoints;

    public static BusinessIncomeFigures Compute(long amount, ResidentType residentType, int? treatyRateBasisPoints, DateOnly payDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, MaxAmount);
        var rate = RateFor(residentType, treatyRateBasisPoints);

        // amount ≤ 10^12 and rate ≤ 2,000 basis points: the product stays far inside a long.
        var incomeTax = Krw.Floor10(amount * rate / 10_000);
        var exempt = incomeTax is > 0 and < SmallAmountThreshold && SmallAmountRuleApplies(residentType, payDate);
        if (exempt)
        {
            incomeTax = 0;
        }

        var localIncomeTax = Krw.Floor10(incomeTax / 10);
        return new BusinessIncomeFigures(amount, rate, incomeTax, localIncomeTax, amount - incomeTax - localIncomeTax, exempt);
    }

    /// <summary>
    /// Art. 86 exempts tax withheld under art. 127, a resident's; before 2024-07-01 it covered the personal-service business income
    /// a sheet pays, from that date it no longer does. Non-residents' tax (art. 156) is always withheld here.
    /// </summary>
    public static bool SmallAmountRuleApplies(ResidentType residentType, DateOnly payDate) =>
        residentType == ResidentType.Resident && payDate < SmallAmountRuleEndsForPersonalServices;
}
