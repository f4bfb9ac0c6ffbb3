using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Domain.Withholding.Korea.Tables;

/// <summary>
/// Structural checks run on every kr table at load; a failure throws <see cref="InvalidTaxTableException"/> naming the check,
/// so a damaged file stops start-up instead of withholding the wrong amounts.
/// </summary>
public static class KoreaTableChecks
{
    public const string Schema = "schema";
    public const string TableRows = "table-rows";
    public const string TableBands = "table-bands";
    public const string TableMonotonic = "table-monotonic";
    public const string Over10MContinuity = "over-10m-continuity";
    public const string MonthCoverage = "month-coverage";
    public const string ChildAmountPeriods = "child-amount-periods";
    public const string Rates = "rates";

    /// <summary>The NTS table has 647 rows: 770-1,500천원 by 5, 1,500-3,000 by 10, 3,000-10,000 by 20, then 10,000 exactly.</summary>
    public const int ExpectedRows = 647;

    public static void Verify(SimplifiedTaxTable table, long minimumCollected)
    {
        var source = table.Source;
        if (table.RowCount != ExpectedRows)
        {
            Fail(source, TableRows, $"{table.RowCount} rows, expected {ExpectedRows}.");
        }

        if (table.FromThousands[0] != 770)
        {
            Fail(source, TableBands, $"the first band starts at {table.FromThousands[0]}천원, expected 770.");
        }

        for (var i = 0; i < table.RowCount - 1; i++)
        {
            var from = table.FromThousands[i];
            var to = table.ToThousands[i];
            var width = from < 1500 ? 5 : from < 3000 ? 10 : 20;
            if (to - from != width)
            {
                Fail(source, TableBands, $"row {i + 1} ({from}-{to}) is {to - from}천원 wide, expected {width}.");
            }

            if (table.FromThousands[i + 1] != to)
            {
                Fail(source, TableBands, $"row {i + 2} starts at {table.FromThousands[i + 1]}천원, not where row {i + 1} ends ({to}).");
            }
        }

        if (table.FromThousands[^1] != 10000 || table.ToThousands[^1] != 10000)
        {
            Fail(source, TableBands, "the last row must be exactly 10,000천원 (10000,10000).");
        }

        for (var row = 0; row < table.RowCount; row++)
        {
            var cells = table.Cells[row];
            for (var n = 0; n < SimplifiedTaxTable.Columns; n++)
            {
                var cell = cells[n];
                if (cell < 0 || cell % 10 != 0 || (cell != 0 && cell < minimumCollected))
                {
                    Fail(source, TableMonotonic, $"row {row + 1} column {n + 1}: {cell} is not 0 or a multiple of 10 of at least {minimumCollected}.");
                }

                if (row > 0 && cell < table.Cells[row - 1][n])
                {
                    Fail(source, TableMonotonic, $"column {n + 1} falls from {table.Cells[row - 1][n]} to {cell} at row {row + 1}.");
                }

                if (n > 0 && cell > cells[n - 1])
                {
                    Fail(source, TableMonotonic, $"row {row + 1}: {n + 1} dependents pay more ({cell}) than {n} ({cells[n - 1]}).");
                }
            }
        }
    }

    public static void Verify(KoreaYearTable year)
    {
        var source = year.Source;
        Verify(year.SimplifiedTable, year.MinimumCollected);

        foreach (var (name, rate) in new[]
                 {
                     ("nationalPension.employeeRate", year.PensionRate), ("healthInsurance.totalRate", year.HealthTotalRate),
                     ("employmentInsurance.employeeRate", year.EmploymentRate), ("localIncomeTax.rate", year.LocalIncomeTaxRate),
                 })
        {
            if (rate.Numerator <= 0 || rate.Numerator >= rate.Denominator)
            {
                Fail(source, Rates, $"{name} {rate} is not a fraction between 0 and 1.");
            }
        }

        CheckMonths(source, "nationalPension.bounds", year.PensionBounds.Select(b => (b.FromMonth, b.ToMonth)).ToList());
        CheckMonths(source, "longTermCare", year.LongTermCare.Select(p => (p.FromMonth, p.ToMonth)).ToList());
        foreach (var bounds in year.PensionBounds)
        {
            if (bounds.Min <= 0 || bounds.Min >= bounds.Max || bounds.Min % year.PensionBaseTruncation != 0 || bounds.Max % year.PensionBaseTruncation != 0)
            {
                Fail(source, Rates, $"pension bounds {bounds.Min}-{bounds.Max} must rise and be multiples of {year.PensionBaseTruncation}.");
            }
        }

        if (year.HealthEmployeeFloor <= 0 || year.HealthEmployeeFloor >= year.HealthEmployeeCap || year.HealthEmployeeCap % 10 != 0 || year.HealthEmployeeFloor % 10 != 0)
        {
            Fail(source, Rates, "the health premium floor and cap must rise and be multiples of 10.");
        }

        var previous = new DateOnly(year.Year, 1, 1).AddDays(-1);
        foreach (var period in year.ChildAmounts)
        {
            if (period.From.Year != year.Year || period.To.Year != year.Year || period.From > period.To
                || (period.From != previous.AddDays(1) && period != year.ChildAmounts[0]) || period.From < year.SimplifiedTableFrom)
            {
                Fail(source, ChildAmountPeriods, $"period {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd} is not contiguous inside {year.Year} from the table's start.");
            }

            previous = period.To;
        }

        if (year.ChildAmounts.Count == 0 || year.ChildAmounts[^1].To != new DateOnly(year.Year, 12, 31))
        {
            Fail(source, ChildAmountPeriods, "the child amounts must run to 31 December.");
        }

        CheckOver10M(year);
    }

    /// <summary>Each band starts where the previous ends, and its constant is the previous band's value at that point, exactly.</summary>
    private static void CheckOver10M(KoreaYearTable year)
    {
        var bands = year.Over10M;
        if (bands.Count == 0 || bands[0].AppliedOver != year.SimplifiedTable.TopKrw || bands[^1].UpTo is not null)
        {
            Fail(year.Source, Over10MContinuity, "bands must start at the table's top (10,000,000) and end open.");
        }

        for (var i = 1; i < bands.Count; i++)
        {
            var before = bands[i - 1];
            if (before.UpTo != bands[i].AppliedOver)
            {
                Fail(year.Source, Over10MContinuity, $"band {i + 1} applies over {bands[i].AppliedOver}, not where band {i} ends ({before.UpTo}).");
            }

            var span = (Int128)(before.UpTo!.Value - before.AppliedOver) * before.Factor.Numerator * before.Rate.Numerator;
            var denominator = (Int128)before.Factor.Denominator * before.Rate.Denominator;
            if (span % denominator != 0 || before.Constant + (long)(span / denominator) != bands[i].Constant)
            {
                Fail(year.Source, Over10MContinuity, $"band {i + 1}'s constant {bands[i].Constant} is not band {i}'s value at {before.UpTo}.");
            }
        }
    }

    private static void CheckMonths(string source, string name, IReadOnlyList<(int From, int To)> periods)
    {
        var next = 1;
        foreach (var (from, to) in periods)
        {
            if (from != next || to < from || to > 12)
            {
                Fail(source, MonthCoverage, $"{name} must cover months 1 to 12 without gaps or overlaps.");
            }

            next = to + 1;
        }

        if (next != 13)
        {
            Fail(source, MonthCoverage, $"{name} must cover months 1 to 12 without gaps or overlaps.");
        }
    }

    private static void Fail(string source, string check, string detail) => throw new InvalidTaxTableException(source, check, detail);
}
