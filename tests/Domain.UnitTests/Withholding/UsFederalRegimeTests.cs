using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.UnitTests.Withholding;

public sealed class UsFederalRegimeTests
{
    private static readonly FormW4From2020 Single = new(FilingStatus.Single);

    [Fact]
    public void Calculate_WhenIssueExampleWeekly2000Single2026_ShouldWithhold270_19AndFica()
    {
        var result = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Weekly, 2_000m, Single));

        result.FederalIncomeTax.ShouldBe(270.19m);
        result.SocialSecurity.ShouldBe(124.00m);
        result.Medicare.ShouldBe(29.00m);
        result.AdditionalMedicare.ShouldBe(0.00m);
        result.EmployerSocialSecurity.ShouldBe(124.00m);
        result.EmployerMedicare.ShouldBe(29.00m);
        result.FederalIncomeTax.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("270.19");
        result.AdditionalMedicare.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("0.00");
    }

    [Fact]
    public void Calculate_WhenFormIsFrom2020_ShouldTraceEveryWorksheetLine()
    {
        var trace = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Weekly, 2_000m, Single)).Trace;

        trace.Line1a.ShouldBe(2_000m);
        trace.Line1b.ShouldBe(52m);
        trace.Line1c.ShouldBe(104_000m);
        trace.Line1g.ShouldBe(8_600m);
        trace.Line1i.ShouldBe(95_400m);
        trace.Line2b.ShouldBe(57_900m);
        trace.Line2c.ShouldBe(5_800m);
        trace.Line2d.ShouldBe(0.22m);
        trace.Line2e.ShouldBe(37_500m);
        trace.Line2g.ShouldBe(14_050m);
        decimal.Round(trace.Line2h, 6).ShouldBe(270.192308m);
        trace.Line4b.ShouldBe(trace.Line2h);
        trace.Lines().Select(l => l.Key).ShouldBe(
        [
            "1a", "1b", "1c", "1d", "1e", "1f", "1g", "1h", "1i", "2a", "2b", "2c", "2d", "2e", "2f", "2g", "2h", "3a", "3b", "3c", "4a", "4b",
            "supplementalFlatRateWages", "supplementalMandatoryRateWages", "supplementalIncomeTax",
        ]);
    }

    [Fact]
    public void Calculate_WhenFormIsFrom2019_ShouldUseAllowanceLinesInsteadOfLine1g()
    {
        var result = Calculate(new UsFederalWithholdingInput(2025, PayFrequency.Monthly, 1_000m, new FormW4Before2020(Pre2020MaritalStatus.Single, 1)));

        result.Trace.Line1k.ShouldBe(4_300m);
        result.Trace.Line1l.ShouldBe(7_700m);
        result.FederalIncomeTax.ShouldBe(10.83m);
        result.Trace.Lines().Select(l => l.Key).ShouldContain("1l");
        result.Trace.Lines().Select(l => l.Key).ShouldNotContain("1g");
    }

    [Theory]
    [InlineData(FilingStatus.MarriedFilingSeparately, FilingStatus.Single)]
    [InlineData(FilingStatus.QualifyingSurvivingSpouse, FilingStatus.MarriedFilingJointly)]
    public void Calculate_WhenStatusSharesASchedule_ShouldWithholdTheSame(FilingStatus status, FilingStatus sameAs)
    {
        foreach (var step2 in new[] { false, true })
        {
            var a = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Biweekly, 4_321.09m, new FormW4From2020(status, step2)));
            var b = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Biweekly, 4_321.09m, new FormW4From2020(sameAs, step2)));

            a.FederalIncomeTax.ShouldBe(b.FederalIncomeTax);
        }
    }

    [Fact]
    public void Calculate_WhenMarriedButWithholdingAtSingleRate_ShouldUseTheSingleSchedule()
    {
        var higher = Calculate(new UsFederalWithholdingInput(2024, PayFrequency.Biweekly, 3_846.15m, new FormW4Before2020(Pre2020MaritalStatus.MarriedHigherSingle)));
        var married = Calculate(new UsFederalWithholdingInput(2024, PayFrequency.Biweekly, 3_846.15m, new FormW4Before2020(Pre2020MaritalStatus.Married)));

        higher.FederalIncomeTax.ShouldBe(605.11m);
        married.FederalIncomeTax.ShouldBeLessThan(higher.FederalIncomeTax);
    }

    [Fact]
    public void Calculate_WhenStep2IsChecked_ShouldDropLine1gAndUseTheCheckboxSchedule()
    {
        var result = Calculate(new UsFederalWithholdingInput(2024, PayFrequency.Biweekly, 3_846.15m, new FormW4From2020(FilingStatus.Single, Step2Checkbox: true)));

        result.Trace.Line1g.ShouldBe(0m);
        result.FederalIncomeTax.ShouldBe(721.89m);
    }

    [Fact]
    public void Calculate_WhenPreTaxDeductionsTaken_ShouldReduceIncomeTaxAndFicaWagesAccordingToKind()
    {
        var result = Calculate(new UsFederalWithholdingInput(
            2026,
            PayFrequency.Weekly,
            2_000m,
            Single,
            PreTaxDeductions: new PreTaxDeductions(Retirement: 100m, Cafeteria: 50m, Hsa: 25m)));

        result.TaxableWages.FederalIncomeTax.ShouldBe(1_825.00m);
        result.TaxableWages.SocialSecurity.ShouldBe(1_925.00m);
        result.TaxableWages.Medicare.ShouldBe(1_925.00m);
        result.SocialSecurity.ShouldBe(119.35m);
        result.Medicare.ShouldBe(27.91m);

        // 1,825 x 52 = 94,900 - 8,600 = 86,300 -> 5,800 + 22% x 28,400 = 12,048 / 52 = 231.69
        result.FederalIncomeTax.ShouldBe(231.69m);
    }

    [Fact]
    public void Calculate_WhenBonusCrossesOneMillionForTheYear_ShouldWithhold37PercentOnTheExcess()
    {
        var result = Calculate(new UsFederalWithholdingInput(
            2026,
            PayFrequency.Monthly,
            0m,
            Single,
            SupplementalWages: 20_000m,
            YearToDate: new YearToDateWages(SupplementalWages: 990_000m)));

        result.Trace.SupplementalFlatRateWages.ShouldBe(10_000m);
        result.Trace.SupplementalMandatoryRateWages.ShouldBe(10_000m);
        result.FederalIncomeTax.ShouldBe(5_900.00m);
        result.TaxableWages.Supplemental.ShouldBe(20_000.00m);
    }

    [Fact]
    public void Calculate_WhenBonusPaidWithRegularWages_ShouldAddFlatRateTaxToTheWorksheet()
    {
        var regular = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Weekly, 2_000m, Single));
        var withBonus = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Weekly, 2_000m, Single, SupplementalWages: 1_000m));

        withBonus.FederalIncomeTax.ShouldBe(regular.FederalIncomeTax + 220.00m);
        withBonus.SocialSecurity.ShouldBe(186.00m);
        withBonus.Medicare.ShouldBe(43.50m);
    }

    [Fact]
    public void Calculate_WhenEmployeeIsExempt_ShouldWithholdNoIncomeTaxButStillFica()
    {
        var result = Calculate(new UsFederalWithholdingInput(
            2026,
            PayFrequency.Weekly,
            2_000m,
            new FormW4From2020(FilingStatus.Single, Step4cExtraWithholding: 50m, Exempt: true),
            SupplementalWages: 500m));

        result.FederalIncomeTax.ShouldBe(0.00m);
        result.SocialSecurity.ShouldBe(155.00m);
        result.Medicare.ShouldBe(36.25m);
        result.Trace.Lines().Select(l => l.Key).ShouldNotContain("2a");
    }

    [Fact]
    public void Calculate_WhenExemptEmployeePassesOneMillionOfSupplementalWages_ShouldStillWithholdTheMandatoryRate()
    {
        var result = Calculate(new UsFederalWithholdingInput(
            2026,
            PayFrequency.Monthly,
            0m,
            new FormW4Before2020(Pre2020MaritalStatus.Single, Exempt: true),
            SupplementalWages: 1_000m,
            YearToDate: new YearToDateWages(SupplementalWages: 1_000_000m)));

        result.FederalIncomeTax.ShouldBe(370.00m);
    }

    [Fact]
    public void Calculate_WhenStep3CreditsExceedTheTax_ShouldWithholdOnlyStep4c()
    {
        var result = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Biweekly, 1_000m, new FormW4From2020(FilingStatus.Single, Step3Dependents: 8_000m, Step4cExtraWithholding: 12.34m)));

        result.Trace.Line3c.ShouldBe(0m);
        result.FederalIncomeTax.ShouldBe(12.34m);
    }

    [Theory]
    [InlineData(PayFrequency.Annual, 1)]
    [InlineData(PayFrequency.Semiannual, 2)]
    [InlineData(PayFrequency.Quarterly, 4)]
    [InlineData(PayFrequency.Monthly, 12)]
    [InlineData(PayFrequency.Semimonthly, 24)]
    [InlineData(PayFrequency.Biweekly, 26)]
    [InlineData(PayFrequency.Weekly, 52)]
    [InlineData(PayFrequency.Daily, 260)]
    public void Calculate_ForEachPayFrequency_ShouldAnnualiseWithTable3Periods(PayFrequency frequency, int periods)
    {
        var annual = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Annual, 78_000m, Single));

        var result = Calculate(new UsFederalWithholdingInput(2026, frequency, 78_000m / periods, Single));

        result.Trace.Line1b.ShouldBe(periods);
        (result.Trace.Line4b * periods).ShouldBe(annual.Trace.Line4b, tolerance: 0.000001m);
    }

    [Fact]
    public void Calculate_WhenTaxYearHasNoTables_ShouldFailNamingTaxYearAndListingAvailableYears()
    {
        var error = Failure(new UsFederalWithholdingInput(2019, PayFrequency.Weekly, 2_000m, Single)).ShouldHaveSingleItem();

        error.Field.ShouldBe("taxYear");
        error.Type.ShouldBe(ErrorType.Validation);
        error.Message.ShouldContain("2024, 2025, 2026");
    }

    [Fact]
    public void Calculate_WhenAmountsAreNegative_ShouldFailNamingEachField()
    {
        var errors = Failure(new UsFederalWithholdingInput(
            2026,
            PayFrequency.Weekly,
            -1m,
            new FormW4From2020(FilingStatus.Single, Step3Dependents: -5m),
            PreTaxDeductions: new PreTaxDeductions(Hsa: -0.01m),
            YearToDate: new YearToDateWages(MedicareWages: -2m)));

        errors.Select(e => e.Field).ShouldBe(["grossWages", "preTaxDeductions.hsa", "ytd.medicareWages", "w4.step3Dependents"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-1)]
    public void Calculate_WhenAllowancesOutOfRange_ShouldFailNamingAllowances(int allowances)
    {
        var error = Failure(new UsFederalWithholdingInput(2026, PayFrequency.Weekly, 2_000m, new FormW4Before2020(Pre2020MaritalStatus.Single, allowances))).ShouldHaveSingleItem();

        error.Field.ShouldBe("w4.allowances");
    }

    [Fact]
    public void Calculate_WhenEnumValuesAreUnknown_ShouldFailNamingTheFields()
    {
        var errors = Failure(new UsFederalWithholdingInput(2026, (PayFrequency)42, 2_000m, new FormW4From2020((FilingStatus)9)));

        errors.Select(e => e.Field).ShouldBe(["payFrequency", "w4.filingStatus"], ignoreOrder: true);
    }

    [Fact]
    public void Calculate_WhenDeductionsExceedWages_ShouldFailNamingPreTaxDeductions()
    {
        var error = Failure(new UsFederalWithholdingInput(2026, PayFrequency.Weekly, 100m, Single, PreTaxDeductions: new PreTaxDeductions(Retirement: 80m, Hsa: 30m)))
            .ShouldHaveSingleItem();

        error.Field.ShouldBe("preTaxDeductions");
    }

    [Fact]
    public void Calculate_WhenAmountsAreAtTheCeiling_ShouldNotOverflow()
    {
        var max = UsFederalRegime.MaxAmount;

        var result = Calculate(new UsFederalWithholdingInput(
            2026,
            PayFrequency.Daily,
            max,
            new FormW4From2020(FilingStatus.HeadOfHousehold, true, 0m, max, 0m, max),
            SupplementalWages: max,
            YearToDate: new YearToDateWages(max, max, max)));

        result.FederalIncomeTax.ShouldBeGreaterThan(max);
        Failure(new UsFederalWithholdingInput(2026, PayFrequency.Daily, max + 0.01m, Single)).ShouldHaveSingleItem().Field.ShouldBe("grossWages");
    }

    private static UsFederalWithholding Calculate(UsFederalWithholdingInput input)
    {
        var result = Regimes.UsFederal.Calculate(input);
        result.IsSuccess.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Value!;
    }

    private static IReadOnlyList<Error> Failure(UsFederalWithholdingInput input)
    {
        var result = Regimes.UsFederal.Calculate(input);
        result.IsSuccess.ShouldBeFalse();
        return result.Errors;
    }
}
