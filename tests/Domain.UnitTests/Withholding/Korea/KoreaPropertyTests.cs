using CsCheck;
using PayrollPortal.Domain.Withholding.Korea;
using Shouldly;

namespace PayrollPortal.Domain.UnitTests.Withholding.Korea;

/// <summary>Properties of the rules over generated employees, beyond the worked examples.</summary>
public sealed class KoreaPropertyTests
{
    private const long Iterations = 3_000;

    /// <summary>Pay up to 120,000,000 KRW a month, biased to the table's range; months from March 2024 to December 2026.</summary>
    private static readonly Gen<long> Pay = Gen.Frequency((3, Gen.Long[0, 10_500_000]), (1, Gen.Long[0, 120_000_000]));

    private static readonly Gen<DateOnly> PayDate = Gen.Int[0, 33].Select(m => new DateOnly(2024, 3, 1).AddMonths(m).AddDays(m % 27));

    private static readonly Gen<KoreaWithholdingInput> Employees = Gen.Select(
        PayDate,
        Pay,
        Gen.Select(Gen.Long[0, 300_000], Gen.Long[0, 300_000], Gen.Long[0, 300_000], (a, b, c) => new KoreaNonTaxableAllowances(a, b, c)),
        Gen.Int[1, 15],
        Gen.Int[0, 6],
        Gen.Int[0, 2].Select(i => KoreaRegime.Ratios[i]),
        (date, pay, allowances, dependents, children, ratio) =>
            new KoreaWithholdingInput(date.Year, date.Month, date, pay, allowances, dependents, Math.Min(children, dependents - 1), ratio));

    private static KoreaWithholding Calc(KoreaWithholdingInput input) => Regimes.Korea.Calculate(input).Value!;

    [Fact]
    public void Calculate_ForAnyEmployee_ShouldNeverGiveANegativeOrUnroundedDeduction() =>
        Employees.Sample(input =>
        {
            var r = Regimes.Korea.Calculate(input);
            r.IsSuccess.ShouldBeTrue();
            long[] amounts = [r.Value!.NationalPension, r.Value.HealthInsurance, r.Value.LongTermCare, r.Value.EmploymentInsurance, r.Value.IncomeTax, r.Value.LocalIncomeTax];
            amounts.ShouldAllBe(a => a >= 0 && a % 10 == 0);
            (r.Value.IncomeTax == 0 || r.Value.IncomeTax >= 1000).ShouldBeTrue();
        }, iter: Iterations);

    /// <summary>
    /// Up to 11 dependents, the table's columns. Beyond 11, 별표2 비고 4 subtracts the 10-to-11 step once per extra person,
    /// and that step itself grows with pay, so the statute's own amount can fall as pay rises; the test below pins that.
    /// </summary>
    [Fact]
    public void Calculate_WhenPayRises_ShouldNeverLowerIncomeTaxForFixedDependents() =>
        Gen.Select(Employees, Gen.Long[0, 2_000_000]).Sample((input, raise) =>
        {
            input = input with { Dependents = Math.Min(input.Dependents, 11), ChildrenAged8To20 = Math.Min(input.ChildrenAged8To20, Math.Min(input.Dependents, 11) - 1) };
            var higher = input with { MonthlyPay = input.MonthlyPay + raise };
            Calc(higher).IncomeTax.ShouldBeGreaterThanOrEqualTo(Calc(input).IncomeTax);
        }, iter: Iterations);

    [Fact]
    public void Calculate_WhenDependentsIncrease_ShouldNeverRaiseIncomeTax() =>
        Gen.Select(Employees, Gen.Int[1, 5]).Sample((input, more) =>
        {
            var larger = input with { Dependents = input.Dependents + more };
            Calc(larger).IncomeTax.ShouldBeLessThanOrEqualTo(Calc(input).IncomeTax);
        }, iter: Iterations);

    [Fact]
    public void Calculate_ForMoreThan11Dependents_ShouldFollowNote4EvenWhereItFallsWithPay()
    {
        var table = Regimes.Korea.TableFor(2025)!.SimplifiedTable;
        long Note4(long pay) => Math.Max(0, table.Cell(table.RowFor(pay), 11) - ((table.Cell(table.RowFor(pay), 10) - table.Cell(table.RowFor(pay), 11)) * 4));
        var input = new KoreaWithholdingInput(2025, 6, new DateOnly(2025, 6, 16), 7_519_607 + 654_307 - 600_000, KoreaNonTaxableAllowances.None, 15, 0, 100);
        Calc(input).IncomeTax.ShouldBe(Note4(input.MonthlyPay));
        Calc(input with { MonthlyPay = input.MonthlyPay + 240_275 }).IncomeTax.ShouldBe(Note4(input.MonthlyPay + 240_275));
    }

    [Fact]
    public void Calculate_ForAnyEmployee_ShouldChargeLocalIncomeTaxAsATenthOfIncomeTaxTruncated() =>
        Employees.Sample(input =>
        {
            var r = Calc(input);
            r.LocalIncomeTax.ShouldBe(r.IncomeTax / 100 * 10);
        }, iter: Iterations);
}
