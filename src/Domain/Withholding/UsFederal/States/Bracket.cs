namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>A printed bracket row: on income over <see cref="Over"/>, <see cref="Base"/> plus <see cref="Rate"/> of the excess.</summary>
public readonly record struct Bracket(decimal Over, decimal Rate, decimal Base);

public static class Brackets
{
    /// <summary>The last row whose lower bound the income reaches; printed bases are authoritative (never recomputed).</summary>
    public static decimal Tax(Bracket[] rows, decimal income)
    {
        var row = rows[0];
        for (var i = 1; i < rows.Length && rows[i].Over <= income; i++)
        {
            row = rows[i];
        }

        return row.Base + ((income - row.Over) * row.Rate);
    }

    /// <summary>A range table ("more than X"): the value of the last row whose bound the amount exceeds; 0 below the first.</summary>
    public static decimal MoreThan(RangeRow[] rows, decimal amount)
    {
        var value = 0m;
        foreach (var row in rows)
        {
            if (row.Bound < amount)
            {
                value = row.Value;
            }
            else
            {
                break;
            }
        }

        return value;
    }

    /// <summary>A range table ("at least X"): the value of the last row whose bound the amount reaches; 0 below the first.</summary>
    public static decimal AtLeast(RangeRow[] rows, decimal amount)
    {
        var value = 0m;
        foreach (var row in rows)
        {
            if (row.Bound <= amount)
            {
                value = row.Value;
            }
            else
            {
                break;
            }
        }

        return value;
    }
}

/// <summary>A printed range row: a bound and the value that applies from it.</summary>
public readonly record struct RangeRow(decimal Bound, decimal Value);
