using System.Globalization;

namespace PayrollPortal.Domain.Common;

/// <summary>
/// An amount of money in a currency with two decimal places, held as an exact count of cents.
/// Stored as integer cents; see docs/decisions/0003-money-as-integer-cents.md.
/// </summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    /// <summary>The amount with exactly two decimal places (multiplying by 0.01m keeps the scale, so 124 serialises as 124.00).</summary>
    public decimal Amount => Cents * 0.01m;

    /// <summary>Rounds half away from zero to the cent, which is the rounding payroll uses.</summary>
    public static Money FromDecimal(decimal amount) =>
        new((long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero));

    /// <summary>True when the amount has no more than two decimal places.</summary>
    public static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));

    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));

    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;

    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;

    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;

    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public static Money Max(Money a, Money b) => a.Cents >= b.Cents ? a : b;

    public static Money Min(Money a, Money b) => a.Cents <= b.Cents ? a : b;

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
