using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PayrollPortal.Domain.Periods;

/// <summary>
/// A calendar month of pay dates, written <c>yyyy-MM</c> (2026-03). A payroll belongs to the month of its pay date, which
/// is the month that closes (a March payroll for a period in February is paid, reported and closed in March).
/// </summary>
public readonly record struct PayMonth(int Year, int Month) : IComparable<PayMonth>
{
    public static PayMonth Of(DateOnly payDate) => new(payDate.Year, payDate.Month);

    /// <summary>Strictly <c>yyyy-MM</c>, years 2000–2999: the months a payroll here can be paid in.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PayMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2999 || number is < 1 or > 12)
        {
            return false;
        }

        month = new PayMonth(year, number);
        return true;
    }

    /// <summary>A month that validation has already accepted.</summary>
    public static PayMonth Parse(string? text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month written yyyy-MM.");

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public PayMonth Next() => Month == 12 ? new PayMonth(Year + 1, 1) : new PayMonth(Year, Month + 1);

    /// <summary>Months from this one to <paramref name="other"/> (0 for the same month).</summary>
    public int MonthsUntil(PayMonth other) => (other.Year - Year) * 12 + other.Month - Month;

    public int CompareTo(PayMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(PayMonth left, PayMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(PayMonth left, PayMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(PayMonth left, PayMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PayMonth left, PayMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
