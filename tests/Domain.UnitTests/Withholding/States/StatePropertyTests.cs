using CsCheck;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal.States;
using PayrollPortal.Domain.Withholding.UsFederal.States.Methods;

namespace PayrollPortal.Domain.UnitTests.Withholding.States;

/// <summary>
/// Properties of every jurisdiction's method over generated certificates and pay, beyond the worked examples. The
/// publications' own cliffs, where more pay means less tax, are named below and kept out of the monotonic range.
/// </summary>
public sealed class StatePropertyTests
{
    private const long Iterations = 400;
    private static readonly StateWithholdingEngine Engine = StatePublicExampleTests.Engine;

    /// <summary>
    /// Annual wages at which each named cliff sits: OR's upper wage tier (from $50,000 of wages the printed formula
    /// constants drop the $263 that the lower tier carries).
    /// </summary>
    private static readonly Dictionary<string, decimal> CliffsFromAnnualWages = new(StringComparer.Ordinal)
    {
        ["US-OR"] = 50_000m,
    };

    public static TheoryData<string> Jurisdictions => new(Engine.Jurisdictions);

    [Theory]
    [MemberData(nameof(Jurisdictions))]
    public void Calculate_ShouldNeverBeNegative_AndAdditionalWithholdingShouldAddExactly(string jurisdiction)
    {
        Inputs(jurisdiction, 60_000m).Sample(input =>
        {
            var plain = Tax(input with { Certificate = input.Certificate with { AdditionalWithholding = 0m } });
            var extra = input.Certificate.AdditionalWithholding;
            var withExtra = Tax(input);

            plain.ShouldBeGreaterThanOrEqualTo(0m);
            withExtra.ShouldBe(Engine.FindEdition(jurisdiction, input.PayDate)!.TaxesWages ? plain + extra : 0m);
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Jurisdictions))]
    public void Calculate_WhenWagesRise_ShouldNeverWithholdLess_ExceptAtTheNamedCliffs(string jurisdiction)
    {
        Gen.Select(Inputs(jurisdiction, 60_000m), Gen.Decimal[0m, 2_000m]).Sample((input, rise) =>
        {
            var raised = input with { GrossWages = input.GrossWages + decimal.Round(rise, 2) };
            if (CliffsFromAnnualWages.TryGetValue(jurisdiction, out var cliff)
                && raised.GrossWages * StatePeriods.Default(raised.PayFrequency) >= cliff && input.GrossWages * StatePeriods.Default(input.PayFrequency) < cliff)
            {
                return;
            }

            Tax(raised).ShouldBeGreaterThanOrEqualTo(Tax(input), $"{jurisdiction} {input.PayFrequency} {input.Certificate} {input.GrossWages} -> {raised.GrossWages}");
        }, iter: Iterations);
    }

    [Theory]
    [InlineData("US-OR", PayFrequency.Annual, 49_999.99, 50_000.00)]
    public void Calculate_AtANamedCliff_ShouldWithholdLessForMorePay(string jurisdiction, PayFrequency frequency, double below, double at)
    {
        var input = new StateWithholdingInput(jurisdiction, new DateOnly(2026, 6, 15), frequency, (decimal)below, new StateCertificate("single"), PeriodFederalIncomeTax: 1_000m);

        Tax(input with { GrossWages = (decimal)at }).ShouldBeLessThan(Tax(input));
    }

    private static decimal Tax(StateWithholdingInput input)
    {
        var result = Engine.Calculate(input);
        result.Errors.ShouldBeEmpty(string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!.IncomeTax;
    }

    /// <summary>Valid inputs for the jurisdiction: a pay date inside one of its editions, a frequency it prints, a status it knows.</summary>
    private static Gen<StateWithholdingInput> Inputs(string jurisdiction, decimal maxWages)
    {
        var editions = Engine.Editions.Where(e => e.Jurisdiction == jurisdiction).ToArray();
        return Gen.Select(Gen.Int[0, editions.Length - 1], Gen.Int[0, 1_000], Gen.Decimal[0m, maxWages], Gen.Int[0, 5], Gen.Int[0, 1], Gen.Decimal[0m, 100m], Gen.Decimal[0m, 400m])
            .Select((index, pick, wages, allowances, secondary, extra, federal) =>
            {
                var edition = editions[index];
                var frequencies = edition.Method.Frequencies;
                var status = edition.FilingStatuses.Count == 0 ? null : edition.FilingStatuses[pick % edition.FilingStatuses.Count];
                var certificate = new StateCertificate(
                    status,
                    allowances,
                    secondary,
                    decimal.Round(extra, 2),
                    ElectedRate: edition.Method is ElectedRateMethod az ? az.AllowedRates[pick % az.AllowedRates.Count] : null,
                    RateSchedule: edition.Method is MarylandMethod md ? md.Schedules[pick % md.Schedules.Count] : null,
                    Exemptions: new IndianaExemptions(allowances, secondary, pick % 2, pick % 3));
                return new StateWithholdingInput(
                    jurisdiction,
                    edition.EffectiveTo ?? edition.EffectiveFrom.AddDays(pick % 200),
                    frequencies[pick % frequencies.Count],
                    decimal.Round(wages, 2),
                    certificate,
                    PeriodFederalIncomeTax: decimal.Round(federal, 2),
                    PeriodFicaWithholding: decimal.Round(federal / 3, 2),
                    RetirementDeductionUsedYtd: pick % 2500);
            });
    }
}
