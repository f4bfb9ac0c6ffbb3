using System.Text.Json;
using PayrollPortal.Domain.Withholding.Korea;
using Shouldly;

namespace PayrollPortal.Domain.UnitTests.Withholding.Korea;

public sealed class KoreaRegimeTests
{
    private static KoreaWithholding Calc(
        long pay, string month = "2026-10", int dependents = 1, int children = 0, int ratio = 100, DateOnly? payDate = null,
        KoreaNonTaxableAllowances? nonTaxable = null)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd");
        var result = Regimes.Korea.Calculate(new KoreaWithholdingInput(
            first.Year, first.Month, payDate ?? first, pay, nonTaxable ?? KoreaNonTaxableAllowances.None, dependents, children, ratio));
        result.IsSuccess.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    public static TheoryData<long, long, long, long, long> Official4InsureRows()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Withholding", "Korea", "kr-4insure-2026-10.json")));
        var data = new TheoryData<long, long, long, long, long>();
        foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
        {
            var v = row.EnumerateArray().Select(x => x.GetInt64()).ToArray();
            data.Add(v[0], v[1], v[2], v[3], v[4]);
        }

        return data;
    }

    /// <summary>
    /// 4insure clamps 보수월액 (to 127,725,730) instead of the premium, so above it shows 4,591,730; the 고시 cap of the
    /// employee's half is 4,591,740 (보건복지부고시 제2025-222호: 9,183,480 / 2), which is what the regime withholds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Official4InsureRows))]
    public void Calculate_ForOfficial4InsureOutputs_ShouldMatchTheFourPremiums(long pay, long pension, long health, long care, long employment)
    {
        var r = Calc(pay);
        r.NationalPension.ShouldBe(pension);
        r.HealthInsurance.ShouldBe(pay > 127_725_730 ? 4_591_740 : health);
        r.LongTermCare.ShouldBe(care);
        r.EmploymentInsurance.ShouldBe(employment);
    }

    /// <summary>6,370,000 x 4.75% = 302,575 → 302,570; 6,590,000 x 4.75% = 313,025 → 313,020; 6,170,000 x 4.5% = 277,650; 6,370,000 x 4.5% = 286,650.</summary>
    [Theory]
    [InlineData("2026-06", 302_570, 400_000)]
    [InlineData("2026-07", 313_020, 410_000)]
    [InlineData("2025-06", 277_650, 390_000)]
    [InlineData("2025-07", 286_650, 400_000)]
    public void Calculate_WhenPayIsAboveThePensionCap_ShouldUseTheHalfYearsBounds(string month, long expectedAtCap, long expectedMin)
    {
        Calc(20_000_000, month).NationalPension.ShouldBe(expectedAtCap);
        Calc(100_000, month).Trace.PensionBase.ShouldBe(expectedMin);
    }

    [Fact]
    public void Calculate_WhenPayIsTiny_ShouldChargeTheHealthFloorAndNothingWithoutPay()
    {
        Calc(100_000).HealthInsurance.ShouldBe(10_080);
        Calc(100_000, "2025-05").HealthInsurance.ShouldBe(9_890);
        var none = Calc(0);
        none.Total.ShouldBe(0);
    }

    [Fact]
    public void Calculate_ForLongTermCare_ShouldUseTheExactRatioNotThePublishedPercentage()
    {
        // 5,000,000 → health 179,750; x 9448/71900 = 23,620.2 → 23,620, where x 0.1314 would give 23,610.
        Calc(5_000_000).LongTermCare.ShouldBe(23_620);

        // 2025-10: 172,580 → 22,350 with 9182/70900 (x 0.1295 would give 22,340).
        var pay2025 = 172_580L * 20_000 / 709;
        Calc(pay2025 + 10, "2025-10").HealthInsurance.ShouldBe(172_580);
        Calc(pay2025 + 10, "2025-10").LongTermCare.ShouldBe(22_350);
    }

    [Fact]
    public void Calculate_FromNovember2026_ShouldUseTheAmendedRoundedRatio() => Calc(5_000_000, "2026-11").LongTermCare.ShouldBe(23_610);

    [Fact]
    public void Calculate_InDoubles3000000x0009WouldBe26990_ShouldBe27000() => Calc(3_000_000).EmploymentInsurance.ShouldBe(27_000);

    [Theory]
    [InlineData("2026-02-28", 219_100 - 29_160)]
    [InlineData("2026-03-01", 219_100 - 45_830)]
    public void Calculate_ForChildren_ShouldSwitchAmountsOnTheWithholdingDate(string payDate, long expected)
    {
        var date = DateOnly.ParseExact(payDate, "yyyy-MM-dd");
        Calc(5_000_000, "2026-02", dependents: 4, children: 2, payDate: date).IncomeTax.ShouldBe(expected);
    }

    [Fact]
    public void Calculate_WhenTaxAfterChildrenIsUnder1000_ShouldWithholdNothing()
    {
        var r = Calc(2_260_000, dependents: 2, children: 1);
        r.IncomeTax.ShouldBe(0);
        r.LocalIncomeTax.ShouldBe(0);
        r.Trace.BelowMinimum.ShouldBeTrue();
    }

    [Fact]
    public void Calculate_WithNonTaxableAllowances_ShouldExcludeOnlyWhatIsWithinTheLimits()
    {
        var r = Calc(4_000_000, nonTaxable: new KoreaNonTaxableAllowances(250_000, 200_000, 0));
        r.NonTaxablePay.ShouldBe(400_000);
        r.TaxablePay.ShouldBe(4_050_000);
        r.EmploymentInsurance.ShouldBe(36_450);
        r.ShouldBe(r with { IncomeTax = Calc(4_050_000).IncomeTax });
    }

    [Fact]
    public void Calculate_WhenTheIssueExampleIsPreviewed_ShouldMatchItsFourPremiums()
    {
        var r = Calc(4_000_000, nonTaxable: new KoreaNonTaxableAllowances(200_000, 0, 0));
        (r.NationalPension, r.HealthInsurance, r.LongTermCare, r.EmploymentInsurance).ShouldBe((190_000L, 143_800L, 18_890L, 36_000L));
        r.IncomeTax.ShouldBe(195_960);
        r.LocalIncomeTax.ShouldBe(19_590);
    }

    [Theory]
    [InlineData(0, 1, 0, 100, "dependents")]
    [InlineData(-1, 1, 0, 100, "monthlyPay")]
    [InlineData(1_000_000, 2, 2, 100, "childrenAged8To20")]
    [InlineData(1_000_000, 1, 0, 90, "withholdingRatio")]
    public void Calculate_WhenInputIsOutOfRange_ShouldNameTheField(long pay, int dependents, int children, int ratio, string field)
    {
        var payDependents = pay == 0 ? 0 : dependents;
        var result = Regimes.Korea.Calculate(new KoreaWithholdingInput(
            2026, 10, new DateOnly(2026, 10, 1), pay == 0 ? 1_000_000 : pay, KoreaNonTaxableAllowances.None, payDependents, children, ratio));
        result.IsSuccess.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldContain(field);
    }

    [Theory]
    [InlineData(2023, 12, "2023-12-10", "payMonth")]
    [InlineData(2024, 2, "2024-02-10", "payDate")]
    [InlineData(2026, 12, "2027-01-10", "payDate")]
    public void Calculate_WhenNoFiguresCoverTheMonthOrDate_ShouldRefuse(int year, int month, string payDate, string field)
    {
        var result = Regimes.Korea.Calculate(new KoreaWithholdingInput(
            year, month, DateOnly.ParseExact(payDate, "yyyy-MM-dd"), 3_000_000, KoreaNonTaxableAllowances.None, 1, 0, 100));
        result.Errors.Single().Field.ShouldBe(field);
    }
}
