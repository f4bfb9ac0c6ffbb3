namespace PayrollPortal.Domain.Withholding.Korea.Tables;

/// <summary>
/// The NTS 근로소득 간이세액표 (소득세법 시행령 별표2): monthly taxable pay in thousands of KRW, <c>from ≤ pay/1000 &lt; to</c>,
/// one column per 공제대상가족 수 from 1 to 11. The last row (10000, 10000) is exactly 10,000,000 KRW.
/// </summary>
public sealed class SimplifiedTaxTable
{
    public const int Columns = 11;

    public SimplifiedTaxTable(string source, int[] fromThousands, int[] toThousands, long[][] cells)
    {
        Source = source;
        FromThousands = fromThousands;
        ToThousands = toThousands;
        Cells = cells;
    }

    public string Source { get; }

    public IReadOnlyList<int> FromThousands { get; }

    public IReadOnlyList<int> ToThousands { get; }

    /// <summary><c>Cells[row][dependents - 1]</c>.</summary>
    public IReadOnlyList<long[]> Cells { get; }

    public int RowCount => FromThousands.Count;

    /// <summary>Pay from this amount on is computed by the formula (the last row is exactly this amount).</summary>
    public long TopKrw => FromThousands[^1] * 1000L;

    /// <summary>The row whose band holds <paramref name="pay"/>, or -1 below the first band (no tax).</summary>
    public int RowFor(long pay)
    {
        if (pay < FromThousands[0] * 1000L)
        {
            return -1;
        }

        if (pay >= TopKrw)
        {
            return RowCount - 1;
        }

        int lo = 0, hi = RowCount - 2;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (FromThousands[mid] * 1000L <= pay)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    public long Cell(int row, int dependents) => Cells[row][dependents - 1];
}
