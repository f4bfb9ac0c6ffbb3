using System.Globalization;

namespace PayrollPortal.Domain.Withholding.Korea.Tables;

/// <summary>
/// A non-negative rate as an exact fraction (0.03595 is 3595/100000; the long-term-care ratio is 9448/71900), so that no
/// binary floating point touches a premium: in doubles 3,000,000 x 0.009 floors to 26,990 instead of 27,000.
/// </summary>
public readonly record struct KrwRate(long Numerator, long Denominator)
{
    public static KrwRate Percent(int percent) => new(percent, 100);

    /// <summary>Parses a decimal string such as "0.0475" exactly.</summary>
    public static KrwRate Parse(string text)
    {
        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var scale = value.Scale;
        var denominator = 1L;
        for (var i = 0; i < scale; i++)
        {
            denominator *= 10;
        }

        return new KrwRate((long)(value * denominator), denominator);
    }

    /// <summary><paramref name="amount"/> x this rate, truncated to a multiple of 10 KRW (10원 미만 절사).</summary>
    public long ApplyFloor10(long amount) => Krw.Floor10((Int128)amount * Numerator, Denominator);

    public KrwRate Half() => new(Numerator, checked(Denominator * 2));

    public override string ToString() => $"{Numerator}/{Denominator}";
}
