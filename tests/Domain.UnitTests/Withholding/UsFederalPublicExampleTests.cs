using System.Text.Json;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.UnitTests.Withholding;

/// <summary>Every percentage-method and FICA example in examples-public.json, to the cent.</summary>
public sealed class UsFederalPublicExampleTests
{
    public static TheoryData<string> PercentageMethodExamples => Ids(PublicExamples.IdsWhereMethodStartsWith("percentage_automated"));

    public static TheoryData<string> WageBracketExamples => Ids(PublicExamples.IdsWhereMethodStartsWith("wage_bracket"));

    public static TheoryData<string> ExamplesWithFica => Ids(
        PublicExamples.IdsWhereMethodStartsWith("percentage_automated")
            .Concat(PublicExamples.IdsWhereMethodStartsWith("wage_bracket"))
            .Where(id => PublicExamples.Get(id).GetProperty("expected").TryGetProperty("fica", out _)));

    public static TheoryData<string> SocialSecurityExamples => Ids(PublicExamples.IdsWhereMethodStartsWith("social_security").Where(id => id != "ex-113"));

    public static TheoryData<string> MedicareExamples => Ids(PublicExamples.IdsWhereMethodStartsWith("medicare_plus_additional"));

    [Theory]
    [MemberData(nameof(PercentageMethodExamples))]
    public void Calculate_WhenPercentageMethodExample_ShouldMatchFederalIncomeTaxToTheCent(string id)
    {
        var example = PublicExamples.Get(id);

        var result = Regimes.UsFederal.Calculate(PublicExamples.IncomeTaxInput(example));

        result.IsSuccess.ShouldBeTrue();
        result.Value.FederalIncomeTax.ShouldBe(PublicExamples.Money(example.GetProperty("expected"), "federalIncomeTaxWithheld"), id);
    }

    [Theory]
    [MemberData(nameof(WageBracketExamples))]
    public void Calculate_WhenWageBracketExample_ShouldMatchPercentageReferenceWithinAFewDollarsOfTheBracket(string id)
    {
        var expected = PublicExamples.Get(id).GetProperty("expected");
        var wageBracket = PublicExamples.Money(expected, "federalIncomeTaxWithheld");
        var percentageReference = PublicExamples.Money(expected.GetProperty("percentageMethodReference"), "value");

        var result = Regimes.UsFederal.Calculate(PublicExamples.IncomeTaxInput(PublicExamples.Get(id)));

        result.Value!.FederalIncomeTax.ShouldBe(percentageReference, id);
        Math.Abs(result.Value.FederalIncomeTax - wageBracket).ShouldBeLessThanOrEqualTo(5m, id);
    }

    [Theory]
    [MemberData(nameof(ExamplesWithFica))]
    public void Calculate_WhenExampleStatesFica_ShouldMatchSocialSecurityAndMedicareToTheCent(string id)
    {
        var fica = PublicExamples.Get(id).GetProperty("expected").GetProperty("fica");

        var result = Regimes.UsFederal.Calculate(PublicExamples.IncomeTaxInput(PublicExamples.Get(id))).Value!;

        result.SocialSecurity.ShouldBe(PublicExamples.Money(fica, "socialSecurity"), id);
        result.Medicare.ShouldBe(PublicExamples.Money(fica, "medicare"), id);
        result.AdditionalMedicare.ShouldBe(PublicExamples.Money(fica, "additionalMedicare"), id);
        result.EmployerSocialSecurity.ShouldBe(result.SocialSecurity);
        result.EmployerMedicare.ShouldBe(result.Medicare);
    }

    [Theory]
    [MemberData(nameof(SocialSecurityExamples))]
    public void Calculate_WhenSocialSecurityExample_ShouldMatchToTheCent(string id)
    {
        var example = PublicExamples.Get(id);
        var inputs = example.GetProperty("inputs");
        var ytd = PublicExamples.Money(inputs.GetProperty("ytd"), "socialSecurityWagesBeforeThisPeriod");

        var result = Regimes.UsFederal.Calculate(FicaOnly(example, new YearToDateWages(SocialSecurityWages: ytd, MedicareWages: ytd))).Value!;

        result.SocialSecurity.ShouldBe(PublicExamples.Money(example.GetProperty("expected"), "socialSecurity"), id);
    }

    [Theory]
    [MemberData(nameof(MedicareExamples))]
    public void Calculate_WhenMedicareExample_ShouldMatchMedicarePlusAdditionalToTheCent(string id)
    {
        var example = PublicExamples.Get(id);
        var ytd = PublicExamples.Money(example.GetProperty("inputs").GetProperty("ytd"), "medicareWagesBeforeThisPeriod");

        var result = Regimes.UsFederal.Calculate(FicaOnly(example, new YearToDateWages(SocialSecurityWages: ytd, MedicareWages: ytd))).Value!;

        (result.Medicare + result.AdditionalMedicare).ShouldBe(PublicExamples.Money(example.GetProperty("expected"), "medicareIncludingAdditional"), id);
    }

    [Fact]
    public void Calculate_WhenBonusPaidAtFlatRate_ShouldWithholdTwentyTwoPercent()
    {
        var example = PublicExamples.Get("ex-112");
        var inputs = example.GetProperty("inputs");
        var input = new UsFederalWithholdingInput(
            example.GetProperty("taxYear").GetInt32(),
            PayFrequency.Monthly,
            GrossWages: 0m,
            new FormW4From2020(FilingStatus.Single),
            SupplementalWages: PublicExamples.Money(inputs, "supplementalWagesThisPayment"),
            YearToDate: new YearToDateWages(SupplementalWages: PublicExamples.Money(inputs, "supplementalYTDBeforeThisPayment")));

        var result = Regimes.UsFederal.Calculate(input).Value!;

        result.FederalIncomeTax.ShouldBe(PublicExamples.Money(example.GetProperty("expected"), "federalIncomeTaxWithheld"));
    }

    [Fact]
    public void Calculate_WhenSuccessorCountsPredecessorWages_ShouldTaxOnlyTheRestOfTheWageBase()
    {
        var example = PublicExamples.Get("ex-113");
        var predecessorWages = PublicExamples.Money(example.GetProperty("inputs"), "predecessorEmployerWagesThisYear");
        var input = new UsFederalWithholdingInput(
            example.GetProperty("taxYear").GetInt32(),
            PayFrequency.Annual,
            GrossWages: 500_000m,
            new FormW4From2020(FilingStatus.Single),
            YearToDate: new YearToDateWages(SocialSecurityWages: predecessorWages, MedicareWages: predecessorWages));

        var result = Regimes.UsFederal.Calculate(input).Value!;

        result.TaxableWages.SocialSecurity.ShouldBe(PublicExamples.Money(example.GetProperty("expected"), "remainingSocialSecurityTaxableWages"));
        result.SocialSecurity.ShouldBe(10_794.20m);
    }

    private static UsFederalWithholdingInput FicaOnly(JsonElement example, YearToDateWages ytd) => new(
        example.GetProperty("taxYear").GetInt32(),
        PayFrequency.Biweekly,
        PublicExamples.Money(example.GetProperty("inputs"), "wagesThisPeriod"),
        new FormW4From2020(FilingStatus.Single),
        YearToDate: ytd);

    private static TheoryData<string> Ids(IEnumerable<string> ids)
    {
        var data = new TheoryData<string>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }
}
