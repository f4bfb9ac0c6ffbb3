using System.Text.Json.Nodes;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.Tables;

namespace PayrollPortal.Domain.UnitTests.Withholding;

public sealed class UsFederalTableTests
{
    private static readonly string TablesDirectory = Path.Combine(AppContext.BaseDirectory, "Withholding", "Tables");

    public static TheoryData<string> TableFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(TablesDirectory, "us-federal-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                data.Add(file!);
            }

            return data;
        }
    }

    [Fact]
    public void LoadAll_WhenTablesAreEmbedded_ShouldLoadOneCheckedTablePerYearFile()
    {
        var files = Directory.GetFiles(TablesDirectory, "us-federal-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        var tables = UsFederalTables.LoadAll();

        tables.Select(t => t.Source).ShouldBe(files);
        tables.Select(t => t.TaxYear).ShouldBe([2024, 2025, 2026]);
        Regimes.UsFederal.TaxYears.ShouldBe([2024, 2025, 2026]);
    }

    [Theory]
    [MemberData(nameof(TableFiles))]
    public void Parse_WhenTableFileIsAsShipped_ShouldPassEveryStructuralCheck(string file)
    {
        var table = UsFederalTables.Parse(ReadTable(file), file);

        table.Source.ShouldBe(file);
        foreach (var status in Enum.GetValues<FilingStatusTable>())
        {
            var standard = table.Schedule(false, status);
            var checkbox = table.Schedule(true, status);
            standard[1].AtLeast.ShouldBe(table.StandardDeduction(status) - table.Line1g(status));
            for (var i = 1; i < standard.Count; i++)
            {
                standard[i].TentativeAmount.ShouldBe(standard[i - 1].TentativeAmount + (standard[i - 1].Rate * (standard[i].AtLeast - standard[i - 1].AtLeast)));
                checkbox[i].AtLeast.ShouldBe(decimal.Round((standard[i].AtLeast + table.Line1g(status)) / 2m, 0, MidpointRounding.AwayFromZero));
                checkbox[i].TentativeAmount.ShouldBe(decimal.Round(standard[i].TentativeAmount / 2m, 2, MidpointRounding.AwayFromZero));
                checkbox[i].Rate.ShouldBe(standard[i].Rate);
            }
        }
    }

    [Theory]
    [InlineData(2024, "168600.00", "29200.00", 260)]
    [InlineData(2025, "176100.00", "30000.00", 260)]
    [InlineData(2026, "184500.00", "32200.00", 260)]
    public void LoadAll_WhenYearLoaded_ShouldCarryThatYearsFigures(int year, string wageBase, string marriedStandardDeduction, int dailyPeriods)
    {
        var table = UsFederalTables.LoadAll().Single(t => t.TaxYear == year);

        table.Fica.SocialSecurityWageBase.ShouldBe(decimal.Parse(wageBase, System.Globalization.CultureInfo.InvariantCulture));
        table.StandardDeduction(FilingStatusTable.MarriedFilingJointly).ShouldBe(decimal.Parse(marriedStandardDeduction, System.Globalization.CultureInfo.InvariantCulture));
        table.PayPeriodsPerYear(PayFrequency.Daily).ShouldBe(dailyPeriods);
        table.Line1g(FilingStatusTable.MarriedFilingJointly).ShouldBe(12_900m);
        table.AllowanceValue.ShouldBe(4_300m);
        table.SupplementalFlatRate.ShouldBe(0.22m);
        table.SupplementalMandatoryRate.ShouldBe(0.37m);
    }

    [Theory]
    [InlineData("standardDeductionUsedToBuildTables.singleOrMarriedFilingSeparately", "16200.00", UsFederalTableChecks.StandardFirstThreshold)]
    [InlineData("rateSchedules.standard.headOfHousehold[3].tentativeAmount", "7741.00", UsFederalTableChecks.StandardTentativeContinuity)]
    [InlineData("rateSchedules.step2Checkbox.marriedFilingJointly[4].tentativeAmount", "17966.01", UsFederalTableChecks.Step2CheckboxDerivation)]
    [InlineData("rateSchedules.step2Checkbox.headOfHousehold[2].rate", "0.13", UsFederalTableChecks.Step2CheckboxDerivation)]
    [InlineData("rateSchedules.standard.singleOrMarriedFilingSeparately[2].butLessThan", "57000.00", UsFederalTableChecks.BracketShape)]
    [InlineData("rateSchedules.standard.marriedFilingJointly[5].ofAmountExceeding", "422000.00", UsFederalTableChecks.BracketShape)]
    [InlineData("fica.socialSecurity.wageBase", "176100.00", UsFederalTableChecks.Fica)]
    [InlineData("fica.medicare.employeeRate", "1.45", UsFederalTableChecks.Fica)]
    [InlineData("worksheet1A.line1g.whenStep2Checked", "8600.00", UsFederalTableChecks.Line1g)]
    [InlineData("supplementalWages.mandatoryRateOnSupplementalOver1Million", "0.35", UsFederalTableChecks.SupplementalRates)]
    [InlineData("payPeriodsPerYear.table3.weekly", 12, UsFederalTableChecks.PayPeriods)]
    [InlineData("taxYear", 2027, UsFederalTableChecks.TaxYearMatchesFile)]
    [InlineData("pre2020FormW4.allowanceValueAnnual", "0.00", UsFederalTableChecks.AllowanceValue)]
    [InlineData("fica.socialSecurity.employeeRate", 0.062, UsFederalTableChecks.Schema)]
    public void Parse_WhenTableIsBroken_ShouldFailNamingTheCheck(string path, object value, string check)
    {
        var broken = Mutate(ReadTable("us-federal-2026.json"), path, ToNode(value));

        var failure = Should.Throw<InvalidTaxTableException>(() => UsFederalTables.Parse(broken, "us-federal-2026.json"));

        failure.Check.ShouldBe(check);
        failure.Table.ShouldBe("us-federal-2026.json");
        failure.Message.ShouldContain($"'{check}'");
    }

    [Fact]
    public void Parse_WhenSectionIsMissing_ShouldFailTheSchemaCheckNamingTheProperty()
    {
        var node = JsonNode.Parse(ReadTable("us-federal-2025.json"))!;
        node["fica"]!.AsObject().Remove("medicare");

        var failure = Should.Throw<InvalidTaxTableException>(() => UsFederalTables.Parse(node.ToJsonString(), "us-federal-2025.json"));

        failure.Check.ShouldBe(UsFederalTableChecks.Schema);
        failure.Message.ShouldContain("medicare");
    }

    [Fact]
    public void Parse_WhenFileNameDisagreesWithItsYear_ShouldFail()
    {
        var failure = Should.Throw<InvalidTaxTableException>(() => UsFederalTables.Parse(ReadTable("us-federal-2025.json"), "us-federal-2027.json"));

        failure.Check.ShouldBe(UsFederalTableChecks.TaxYearMatchesFile);
    }

    [Fact]
    public void Registry_WhenTwoRegimesShareACode_ShouldRefuse()
    {
        Should.Throw<ArgumentException>(() => new WithholdingRegimeRegistry([Regimes.UsFederal, Regimes.UsFederal]));
    }

    [Fact]
    public void Registry_WhenLookingUpUsFederal_ShouldReturnTheRegime()
    {
        var registry = new WithholdingRegimeRegistry([Regimes.UsFederal]);

        registry.Get<UsFederalRegime>("us-federal").ShouldBeSameAs(Regimes.UsFederal);
        registry.TryFind("kr-national", out _).ShouldBeFalse();
    }

    private static JsonValue ToNode(object value) => value switch
    {
        string text => JsonValue.Create(text),
        int number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        _ => throw new ArgumentException($"Unsupported test value {value}.", nameof(value)),
    };

    private static string ReadTable(string file) => File.ReadAllText(Path.Combine(TablesDirectory, file));

    /// <summary>Sets one value by a dotted path with [index] steps, e.g. rateSchedules.standard.headOfHousehold[3].rate.</summary>
    private static string Mutate(string json, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!;
        var segments = path.Split('.');
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var last = i == segments.Length - 1;
            if (bracket < 0)
            {
                if (last)
                {
                    node[name] = value;
                }
                else
                {
                    node = node[name]!;
                }
            }
            else
            {
                var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                var array = node[name]!.AsArray();
                node = array[index]!;
            }
        }

        return root.ToJsonString();
    }
}
