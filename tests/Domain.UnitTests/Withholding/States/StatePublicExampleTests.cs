using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Domain.UnitTests.Withholding.States;

/// <summary>Every worked example in us-states-examples-public.json, through the engine, to the cent (the HTTP theory in Api.Tests repeats them end to end).</summary>
public sealed class StatePublicExampleTests
{
    internal static readonly StateWithholdingEngine Engine = StateWithholdingEngine.FromEmbeddedTables();

    public static TheoryData<string> Examples => new(StateExamples.Ids);

    [Fact]
    public void Examples_ShouldNumberOneHundredThirtyEightAndCoverEveryTaxingJurisdiction()
    {
        StateExamples.Ids.Count().ShouldBe(138);
        var covered = StateExamples.Ids.Select(id => StateExamples.Get(id).GetProperty("jurisdiction").GetString()).Distinct().Order().ToArray();
        covered.ShouldBe(Engine.Editions.Where(e => e.TaxesWages).Select(e => e.Jurisdiction).Distinct().Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Calculate_WhenPublicExample_ShouldMatchStateIncomeTaxToTheCent(string id)
    {
        var example = StateExamples.Get(id);

        var result = Engine.Calculate(StateExamples.Input(example));

        result.Errors.ShouldBeEmpty(id);
        result.Value!.IncomeTax.ShouldBe(StateExamples.Expected(example), id);
    }
}
