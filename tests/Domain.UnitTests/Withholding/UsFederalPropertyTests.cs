using CsCheck;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.UnitTests.Withholding;

/// <summary>Properties of the rules themselves, over generated employees, so they hold beyond the worked examples.</summary>
public sealed class UsFederalPropertyTests
{
    private const long Iterations = 2_000;

    private static readonly Gen<FormW4> From2020 = Gen.Select(
        Gen.Enum<FilingStatus>(),
        Gen.Bool,
        CentsUpTo(20_000m),
        CentsUpTo(200_000m),
        CentsUpTo(100_000m),
        CentsUpTo(1_000m),
        (status, step2, step3, step4a, step4b, step4c) => (FormW4)new FormW4From2020(status, step2, step3, step4a, step4b, step4c));

    private static readonly Gen<FormW4> Before2020 = Gen.Select(
        Gen.Enum<Pre2020MaritalStatus>(),
        Gen.Int[0, 15],
        CentsUpTo(1_000m),
        (status, allowances, extra) => (FormW4)new FormW4Before2020(status, allowances, extra));

    private static readonly Gen<FormW4> AnyW4 = Gen.Select(Gen.Bool, From2020, Before2020, (newer, a, b) => newer ? a : b);

    /// <summary>Deductions are drawn as shares of gross so every generated input is valid.</summary>
    private static readonly Gen<UsFederalWithholdingInput> Employees = Gen.Select(
        Gen.Int[2024, 2026],
        Gen.Enum<PayFrequency>(),
        CentsUpTo(60_000m),
        AnyW4,
        Gen.Int[0, 30],
        CentsUpTo(300_000m),
        Gen.Select(Gen.Int[0, 1], CentsUpTo(50_000m), (hasBonus, bonus) => hasBonus == 1 ? bonus : 0m),
        (year, frequency, gross, w4, deductionPercent, ytd, bonus) => new UsFederalWithholdingInput(
            year,
            frequency,
            gross,
            w4,
            SupplementalWages: bonus,
            PreTaxDeductions: new PreTaxDeductions(
                Retirement: decimal.Round(gross * deductionPercent / 100m, 2),
                Cafeteria: decimal.Round(gross * deductionPercent / 300m, 2),
                Hsa: decimal.Round(gross * deductionPercent / 400m, 2)),
            YearToDate: new YearToDateWages(ytd, ytd, ytd * 4m)));

    [Fact]
    public void Calculate_WhenWagesRiseAndAllElseIsEqual_ShouldNeverWithholdLess()
    {
        Gen.Select(Employees, CentsUpTo(10_000m)).Sample((employee, raise) =>
        {
            var before = Calculate(employee);
            var after = Calculate(employee with { GrossWages = employee.GrossWages + raise });

            after.FederalIncomeTax.ShouldBeGreaterThanOrEqualTo(before.FederalIncomeTax);
            after.SocialSecurity.ShouldBeGreaterThanOrEqualTo(before.SocialSecurity);
            after.Medicare.ShouldBeGreaterThanOrEqualTo(before.Medicare);
            after.AdditionalMedicare.ShouldBeGreaterThanOrEqualTo(before.AdditionalMedicare);
        }, iter: Iterations);
    }

    [Fact]
    public void Calculate_ForAnyValidEmployee_ShouldNeverWithholdANegativeAmount()
    {
        Employees.Sample(employee =>
        {
            var result = Calculate(employee);

            result.FederalIncomeTax.ShouldBeGreaterThanOrEqualTo(0m);
            result.SocialSecurity.ShouldBeGreaterThanOrEqualTo(0m);
            result.Medicare.ShouldBeGreaterThanOrEqualTo(0m);
            result.AdditionalMedicare.ShouldBeGreaterThanOrEqualTo(0m);
            result.EmployerSocialSecurity.ShouldBeGreaterThanOrEqualTo(0m);
            result.EmployerMedicare.ShouldBeGreaterThanOrEqualTo(0m);
            result.Trace.Line3c.ShouldBeGreaterThanOrEqualTo(0m);
        }, iter: Iterations);
    }

    [Fact]
    public void Calculate_WhenStep4cIsAdded_ShouldWithholdExactlyThatMuchMore()
    {
        Gen.Select(Employees, Gen.Enum<FilingStatus>(), Gen.Bool, CentsUpTo(2_000m)).Sample((employee, status, step2, extra) =>
        {
            var w4 = new FormW4From2020(status, step2);
            var without = Calculate(employee with { W4 = w4 });
            var with = Calculate(employee with { W4 = w4 with { Step4cExtraWithholding = extra } });

            (with.FederalIncomeTax - without.FederalIncomeTax).ShouldBe(extra);
        }, iter: Iterations);
    }

    [Fact]
    public void Calculate_OverAYearOfPayPeriods_ShouldNeverTakeSocialSecurityPastTheWageBase()
    {
        Gen.Select(Gen.Int[2024, 2026], CentsUpTo(40_000m).Array[1, 60]).Sample((year, wagesPerPeriod) =>
        {
            var wageBase = WageBase(year);
            decimal ytd = 0m, taxed = 0m, withheld = 0m;
            foreach (var wages in wagesPerPeriod)
            {
                var result = Calculate(new UsFederalWithholdingInput(year, PayFrequency.Biweekly, wages, new FormW4From2020(FilingStatus.Single), YearToDate: new YearToDateWages(ytd, ytd)));
                var room = Math.Max(0m, wageBase - ytd);

                result.TaxableWages.SocialSecurity.ShouldBe(Math.Min(wages, room));
                result.SocialSecurity.ShouldBeLessThanOrEqualTo(decimal.Round(room * 0.062m, 2, MidpointRounding.AwayFromZero));
                ytd += wages;
                taxed += result.TaxableWages.SocialSecurity;
                withheld += result.SocialSecurity;
            }

            taxed.ShouldBe(Math.Min(ytd, wageBase));

            // Each period is rounded to the cent (Pub 15), so a year may differ from base x rate by fractions of a cent per period.
            withheld.ShouldBeLessThanOrEqualTo((wageBase * 0.062m) + (0.005m * wagesPerPeriod.Length));
        }, iter: 500);
    }

    [Fact]
    public void Calculate_AroundTheAdditionalMedicareThreshold_ShouldTaxOnlyWagesAbove200000()
    {
        Gen.Select(CentsBetween(195_000m, 205_000m), CentsUpTo(10_000m)).Sample((ytd, wages) =>
        {
            var result = Calculate(new UsFederalWithholdingInput(2026, PayFrequency.Monthly, wages, new FormW4From2020(FilingStatus.MarriedFilingJointly), YearToDate: new YearToDateWages(ytd, ytd)));

            var expectedWages = ytd + wages <= 200_000m ? 0m : ytd + wages - Math.Max(ytd, 200_000m);
            result.TaxableWages.AdditionalMedicare.ShouldBe(expectedWages);
            result.AdditionalMedicare.ShouldBe(decimal.Round(expectedWages * 0.009m, 2, MidpointRounding.AwayFromZero));
            result.Medicare.ShouldBe(decimal.Round(wages * 0.0145m, 2, MidpointRounding.AwayFromZero));
        }, iter: Iterations);
    }

    [Theory]
    [InlineData("199999.99", "0.01", "0.00")]
    [InlineData("200000.00", "0.01", "0.01")]
    [InlineData("0.00", "200000.00", "0.00")]
    [InlineData("0.00", "200000.01", "0.01")]
    [InlineData("150000.00", "60000.00", "10000.00")]
    public void Calculate_WhenYearCrossesTheThreshold_ShouldStartAdditionalMedicareExactlyAbove200000(string ytd, string wages, string expectedTaxable)
    {
        var ytdWages = decimal.Parse(ytd, System.Globalization.CultureInfo.InvariantCulture);

        var result = Calculate(new UsFederalWithholdingInput(
            2025,
            PayFrequency.Annual,
            decimal.Parse(wages, System.Globalization.CultureInfo.InvariantCulture),
            new FormW4From2020(FilingStatus.Single),
            YearToDate: new YearToDateWages(ytdWages, ytdWages)));

        var taxable = decimal.Parse(expectedTaxable, System.Globalization.CultureInfo.InvariantCulture);
        result.TaxableWages.AdditionalMedicare.ShouldBe(taxable);
        result.AdditionalMedicare.ShouldBe(decimal.Round(taxable * 0.009m, 2, MidpointRounding.AwayFromZero));
    }

    private static UsFederalWithholding Calculate(UsFederalWithholdingInput input)
    {
        var result = Regimes.UsFederal.Calculate(input);
        result.IsSuccess.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Value!;
    }

    private static decimal WageBase(int year) => year switch
    {
        2024 => 168_600m,
        2025 => 176_100m,
        _ => 184_500m,
    };

    private static Gen<decimal> CentsUpTo(decimal max) => Gen.Long[0, (long)(max * 100m)].Select(cents => cents / 100m);

    private static Gen<decimal> CentsBetween(decimal min, decimal max) => Gen.Long[(long)(min * 100m), (long)(max * 100m)].Select(cents => cents / 100m);
}
