using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Domain.UnitTests.Withholding.States;

/// <summary>The embedded state files load and carry their citations; a broken copy of one stops start-up naming the check.</summary>
public sealed class StateTableTests
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Withholding", "States", "Data");

    [Fact]
    public void LoadAll_ShouldCoverEveryStateAndDc_WithACitationOnEveryEdition()
    {
        var editions = StateTables.LoadAll();

        editions.Select(e => e.Jurisdiction).Distinct().Count().ShouldBe(51);
        editions.Count(e => e.TaxesWages).ShouldBe(43);
        editions.Where(e => !e.TaxesWages).Select(e => e.Jurisdiction).ShouldBe(["US-AK", "US-FL", "US-NH", "US-NV", "US-SD", "US-TN", "US-TX", "US-WA", "US-WY"]);
        editions.Where(e => e.TaxesWages).ShouldAllBe(e => e.Citation.Url!.StartsWith("https://") && e.Citation.Retrieved.Length == 10 && e.Citation.Publication.Length > 10);
    }

    [Fact]
    public void Parse_WhenBracketsDescend_ShouldFailTheBracketCheck()
    {
        var json = Read("us-ky-2026-01-01.json").Replace("[[\"0\",\"0.035\",\"0\"]]", "[[\"0\",\"0.035\",\"0\"],[\"0\",\"0.04\",\"0\"]]");

        Should.Throw<InvalidTaxTableException>(() => StateTables.Parse(json, "us-ky-2026-01-01.json")).Message.ShouldContain(StateTables.BracketOrder);
    }

    [Fact]
    public void Parse_WhenTheCitationHasNoAddress_ShouldFailTheCitationCheck()
    {
        var json = Read("us-pa-2023-01-01.json").Replace("\"url\": \"https://", "\"url\": \"ftp://");

        Should.Throw<InvalidTaxTableException>(() => StateTables.Parse(json, "us-pa-2023-01-01.json")).Message.ShouldContain(StateTables.Citation);
    }

    [Fact]
    public void Parse_WhenAStatusHasNoSchedule_ShouldFailTheStatusCheck()
    {
        var json = Read("us-nc-2026-01-01.json").Replace("\"head_of_household\"]", "\"head_of_household\", \"qualifying_widow\"]");

        Should.Throw<InvalidTaxTableException>(() => StateTables.Parse(json, "us-nc-2026-01-01.json")).Message.ShouldContain(StateTables.Statuses);
    }

    [Fact]
    public void Parse_WhenTheFileNameDisagreesWithItsStartDate_ShouldFailTheSchemaCheck() =>
        Should.Throw<InvalidTaxTableException>(() => StateTables.Parse(Read("us-ky-2026-01-01.json"), "us-ky-2026-02-01.json")).Message.ShouldContain(StateTables.Schema);

    [Fact]
    public void CheckEditions_WhenTwoEditionsOverlap_ShouldFailTheOverlapCheck()
    {
        var january = StateTables.Parse(Read("us-ga-2026-01-01.json").Replace("\"effectiveTo\": \"2026-05-10\"", "\"effectiveTo\": \"2026-05-11\""), "us-ga-2026-01-01.json");
        var may = StateTables.Parse(Read("us-ga-2026-05-11.json"), "us-ga-2026-05-11.json");

        Should.Throw<InvalidTaxTableException>(() => StateTables.CheckEditions([january, may])).Message.ShouldContain(StateTables.Overlap);
    }

    [Fact]
    public void FindEdition_ShouldFollowThePayDateAcrossGeorgiasMidYearChange_AndFindNoUtahEditionBeforeJune()
    {
        var engine = StatePublicExampleTests.Engine;

        engine.FindEdition("US-GA", new DateOnly(2026, 5, 10))!.Source.ShouldBe("us-ga-2026-01-01.json");
        engine.FindEdition("US-GA", new DateOnly(2026, 5, 11))!.Source.ShouldBe("us-ga-2026-05-11.json");
        engine.FindEdition("US-UT", new DateOnly(2026, 5, 31)).ShouldBeNull();
        engine.FindEdition("US-UT", new DateOnly(2026, 6, 1))!.Source.ShouldBe("us-ut-2026-06-01.json");
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(DataFolder, name));
}
