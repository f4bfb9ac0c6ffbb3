using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Domain.UnitTests.Withholding.Korea;

/// <summary>
/// The business-income arithmetic on its own (docs/BUSINESS_INCOME.md has the sources): 3% or 20% or a treaty rate, local tax a
/// tenth of it, each truncated to 10 KRW, and the small-amount rule by pay date. The use-case tests run the same examples
/// through the pipeline on both databases.
/// </summary>
public sealed class BusinessIncomeWithholdingTests
{
    private static readonly DateOnly After = new(2026, 3, 10);
    private static readonly DateOnly Before = new(2024, 6, 30);

    [Theory]
    // amount, income tax, local income tax: 3% and a tenth of it, each truncated to 10 won.
    [InlineData(1_000_000, 30_000, 3_000)]
    [InlineData(1_234_567, 37_030, 3_700)] // 37,037.01 → 37,030; 3,703 → 3,700
    [InlineData(33_333, 990, 90)] // 999.99 → 990, withheld after 2024-07-01
    [InlineData(333, 0, 0)] // 9.99 → 0: under 10 won there is nothing to withhold
    [InlineData(334, 10, 0)] // 10.02 → 10; local 1 → 0
    [InlineData(3_334, 100, 10)] // 100.02 → 100; local 10
    public void Compute_ForAResidentPaidAfterJuly2024_ShouldTruncateEachTaxTo10Won(long amount, long incomeTax, long localIncomeTax)
    {
        var figures = BusinessIncomeWithholding.Compute(amount, ResidentType.Resident, null, After);

        figures.ShouldBe(new BusinessIncomeFigures(amount, 300, incomeTax, localIncomeTax, amount - incomeTax - localIncomeTax, false));
    }

    [Theory]
    [InlineData(33_333, true)] // 990 < 1,000: not collected
    [InlineData(33_334, false)] // 1,000: collected
    [InlineData(333, false)] // nothing to collect, so nothing exempted
    public void Compute_ForAResidentPaidBeforeJuly2024_ShouldNotCollectIncomeTaxUnder1000Won(long amount, bool exempt)
    {
        var figures = BusinessIncomeWithholding.Compute(amount, ResidentType.Resident, null, Before);

        figures.SmallAmountExempt.ShouldBe(exempt);
        if (exempt)
        {
            figures.ShouldBe(new BusinessIncomeFigures(amount, 300, 0, 0, amount, true));
        }
        else
        {
            figures.ShouldBe(BusinessIncomeWithholding.Compute(amount, ResidentType.Resident, null, After));
        }
    }

    [Fact]
    public void SmallAmountRule_ShouldApplyToResidentsUntil30June2024Only()
    {
        BusinessIncomeWithholding.SmallAmountRuleApplies(ResidentType.Resident, new DateOnly(2024, 6, 30)).ShouldBeTrue();
        BusinessIncomeWithholding.SmallAmountRuleApplies(ResidentType.Resident, new DateOnly(2024, 7, 1)).ShouldBeFalse();
        BusinessIncomeWithholding.SmallAmountRuleApplies(ResidentType.Nonresident, new DateOnly(2023, 1, 1)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, 1_000_000, 2000, 200_000, 20_000)]
    [InlineData(1500, 1_234_567, 1500, 185_180, 18_510)] // 185,185.05 → 185,180; 18,518 → 18,510
    [InlineData(0, 1_000_000, 0, 0, 0)] // a treaty that exempts the income
    public void Compute_ForANonresident_ShouldUse20PercentOrTheTreatyRate(int? treaty, long amount, int rate, long incomeTax, long localIncomeTax)
    {
        var figures = BusinessIncomeWithholding.Compute(amount, ResidentType.Nonresident, treaty, Before);

        figures.ShouldBe(new BusinessIncomeFigures(amount, rate, incomeTax, localIncomeTax, amount - incomeTax - localIncomeTax, false));
    }

    [Fact]
    public void Compute_OutsideZeroTo10Pow12_ShouldThrow()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => BusinessIncomeWithholding.Compute(-1, ResidentType.Resident, null, After));
        Should.Throw<ArgumentOutOfRangeException>(() => BusinessIncomeWithholding.Compute(1_000_000_000_001, ResidentType.Resident, null, After));
    }
}
