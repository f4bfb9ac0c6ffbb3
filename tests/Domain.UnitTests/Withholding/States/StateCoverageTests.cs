using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Domain.UnitTests.Withholding.States;

/// <summary>
/// The window the shipped state tables are meant to cover, and the gaps we know of. Adding an edition that overlaps
/// another, or letting a jurisdiction's coverage lapse inside the window without declaring it here, fails this test.
/// The window is a declaration, not today's date: move it forward when next year's editions ship.
/// </summary>
public sealed class StateCoverageTests
{
    private static readonly DateOnly WindowStart = new(2026, 1, 1);
    private static readonly DateOnly WindowEnd = new(2026, 12, 31);

    /// <summary>Utah's January-May 2026 edition (4.55%) is not in the source dataset; only the June edition ships.</summary>
    private static readonly Dictionary<string, (DateOnly From, DateOnly To)[]> KnownGaps = new(StringComparer.Ordinal)
    {
        ["US-UT"] = [(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 31))],
    };

    public static TheoryData<string> Jurisdictions => new(StatePublicExampleTests.Engine.Jurisdictions);

    [Fact]
    public void Jurisdictions_ShouldBeTheFiftyStatesAndDc() => StatePublicExampleTests.Engine.Jurisdictions.Count.ShouldBe(51);

    [Theory]
    [MemberData(nameof(Jurisdictions))]
    public void EveryDayOfTheWindow_ShouldHaveExactlyOneEdition_ExceptTheDeclaredGaps(string jurisdiction)
    {
        var problems = Problems(StatePublicExampleTests.Engine.Editions.Where(e => e.Jurisdiction == jurisdiction).ToArray(), KnownGaps.GetValueOrDefault(jurisdiction) ?? []);

        problems.Take(5).ShouldBeEmpty($"{jurisdiction}: {problems.Count} days wrong");
    }

    [Fact]
    public void Problems_WhenAnEditionIsMissing_ShouldReportTheUndeclaredGap()
    {
        var georgia = StatePublicExampleTests.Engine.Editions.Where(e => e.Jurisdiction == "US-GA" && e.EffectiveFrom.Month != 1).ToArray();

        Problems(georgia, []).ShouldContain("2026-05-10 has no edition and no declared gap");
    }

    [Fact]
    public void Problems_WhenAnEditionIsLeftOpen_ShouldReportTheOverlap()
    {
        var georgia = StatePublicExampleTests.Engine.Editions.Where(e => e.Jurisdiction == "US-GA").Select(e => e with { EffectiveTo = null }).ToArray();

        Problems(georgia, []).ShouldContain("2026-05-11 has 2 editions");
    }

    private static List<string> Problems(StateEdition[] editions, (DateOnly From, DateOnly To)[] gaps)
    {
        var problems = new List<string>();
        for (var day = WindowStart; day <= WindowEnd; day = day.AddDays(1))
        {
            var covering = editions.Count(e => e.Covers(day));
            var declaredGap = gaps.Any(g => day >= g.From && day <= g.To);
            if (covering > 1)
            {
                problems.Add($"{day:yyyy-MM-dd} has {covering} editions");
            }
            else if (covering == 0 && !declaredGap)
            {
                problems.Add($"{day:yyyy-MM-dd} has no edition and no declared gap");
            }
            else if (covering == 1 && declaredGap)
            {
                problems.Add($"{day:yyyy-MM-dd} is declared a gap but is covered: remove the declaration");
            }
        }

        return problems;
    }
}
