namespace PayrollPortal.Application.OpeningBalances;

/// <summary>
/// One employee's year-to-date figures carried in for a tax year, as of a date, for one month (<see cref="PeriodMonth"/>:
/// the month whose totals the record carries, the as-of month when none was named). The amounts are the regime's, in minor units.
/// </summary>
public sealed record OpeningBalance(
    Guid Id, Guid CompanyId, Guid EmployeeId, int TaxYear, DateOnly AsOf, int PeriodMonth, string Regime,
    IReadOnlyDictionary<string, long> Amounts, DateTimeOffset RecordedAt)
{
    /// <summary>An amount by name, zero when the record has none.</summary>
    public long this[string name] => Amounts.GetValueOrDefault(name);

    /// <summary>The records that count: for each employee, tax year and month, the latest recorded (a correction supersedes).</summary>
    public static IReadOnlyList<OpeningBalance> Effective(IEnumerable<OpeningBalance> records) =>
        [.. records.GroupBy(r => (r.EmployeeId, r.TaxYear, r.PeriodMonth)).Select(g => g.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Last())];
}
