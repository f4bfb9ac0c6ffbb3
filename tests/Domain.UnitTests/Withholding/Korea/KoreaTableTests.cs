using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea.Tables;
using PayrollPortal.Domain.Withholding.UsFederal.Tables;
using Shouldly;

namespace PayrollPortal.Domain.UnitTests.Withholding.Korea;

public sealed class KoreaTableTests
{
    private static readonly string TablesFolder = Path.Combine(AppContext.BaseDirectory, "Withholding", "Korea", "Tables");

    private static string Csv => File.ReadAllText(Path.Combine(TablesFolder, "ganiseaek-2024-03-01.csv"));

    [Fact]
    public void LoadAll_WhenTablesAreEmbedded_ShouldLoadEachYearWithThe647RowTable()
    {
        var years = KoreaTables.LoadAll();
        years.Select(y => y.Year).ShouldBe([2024, 2025, 2026]);
        years.ShouldAllBe(y => y.SimplifiedTable.RowCount == 647);
        var table = years[0].SimplifiedTable;
        table.Cells[^1].ShouldBe([1_507_400L, 1_431_570, 1_200_840, 1_170_840, 1_140_840, 1_110_840, 1_080_840, 1_050_840, 1_020_840, 990_840, 960_840]);
    }

    [Fact]
    public void SimplifiedTable_ForEveryRowAndColumn_ShouldBeContiguousAndMonotonic()
    {
        var table = KoreaTables.ParseSimplifiedTable(Csv, "ganiseaek-2024-03-01.csv");
        for (var row = 0; row < table.RowCount - 1; row++)
        {
            table.ToThousands[row].ShouldBe(table.FromThousands[row + 1]);
            for (var n = 1; n <= 11; n++)
            {
                table.Cell(row + 1, n).ShouldBeGreaterThanOrEqualTo(table.Cell(row, n));
                if (n > 1)
                {
                    table.Cell(row, n).ShouldBeLessThanOrEqualTo(table.Cell(row, n - 1));
                }
            }
        }

        table.RowFor(769_999).ShouldBe(-1);
        table.RowFor(1_059_999).ShouldBe(table.RowFor(1_055_000));
        table.RowFor(10_000_000).ShouldBe(646);
    }

    [Theory]
    [InlineData("drop-row", KoreaTableChecks.TableRows)]
    [InlineData("gap", KoreaTableChecks.TableBands)]
    [InlineData("fall", KoreaTableChecks.TableMonotonic)]
    [InlineData("more-dependents-more-tax", KoreaTableChecks.TableMonotonic)]
    [InlineData("not-a-number", KoreaTableChecks.Schema)]
    public void ParseSimplifiedTable_WhenACopyIsBroken_ShouldThrowNamingTheCheck(string damage, string check)
    {
        var lines = Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        switch (damage)
        {
            case "drop-row":
                lines.RemoveAt(300);
                break;
            case "gap":
                lines[300] = string.Join(',', lines[300].Split(',').Select((f, i) => i == 1 ? (int.Parse(f) + 5).ToString() : f));
                break;
            case "fall":
                lines[400] = string.Join(',', lines[400].Split(',').Select((f, i) => i == 2 ? "1030" : f));
                break;
            case "more-dependents-more-tax":
                lines[400] = string.Join(',', lines[400].Split(',').Select((f, i) => i == 12 ? "9999990" : f));
                break;
            default:
                lines[10] = lines[10].Replace(",0,", ",x,", StringComparison.Ordinal);
                break;
        }

        var ex = Should.Throw<InvalidTaxTableException>(() => KoreaTables.ParseSimplifiedTable(string.Join('\n', lines), "broken.csv"));
        ex.Check.ShouldBe(check);
    }

    [Fact]
    public void Parse_WhenAnOver10MConstantIsWrong_ShouldThrowNamingTheCheck()
    {
        var json = File.ReadAllText(Path.Combine(TablesFolder, "kr-2026.json")).Replace("\"1397000\"", "\"1397010\"", StringComparison.Ordinal);
        var table = KoreaTables.ParseSimplifiedTable(Csv, "ganiseaek-2024-03-01.csv");
        Should.Throw<InvalidTaxTableException>(() => KoreaTables.Parse(json, "kr-2026.json", _ => table)).Check.ShouldBe(KoreaTableChecks.Over10MContinuity);
    }

    [Fact]
    public void Parse_WhenPensionBoundsLeaveAMonthUncovered_ShouldThrowNamingTheCheck()
    {
        var json = File.ReadAllText(Path.Combine(TablesFolder, "kr-2026.json")).Replace("\"from\": \"2026-07\"", "\"from\": \"2026-08\"", StringComparison.Ordinal);
        var table = KoreaTables.ParseSimplifiedTable(Csv, "ganiseaek-2024-03-01.csv");
        Should.Throw<InvalidTaxTableException>(() => KoreaTables.Parse(json, "kr-2026.json", _ => table)).Check.ShouldBe(KoreaTableChecks.MonthCoverage);
    }
}
