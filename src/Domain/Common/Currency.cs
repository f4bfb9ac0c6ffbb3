namespace PayrollPortal.Domain.Common;

/// <summary>
/// The currency a company pays in, which decides the scale of its <see cref="Money"/>: amounts are integer minor units,
/// cents for USD and whole won for KRW, which has no minor unit (ADR 0003, ADR 0009).
/// </summary>
public sealed record Currency
{
    public static readonly Currency Usd = new("USD", 2);

    public static readonly Currency Krw = new("KRW", 0);

    public static readonly Currency Eur = new("EUR", 2);

    private Currency(string code, int minorDigits)
    {
        Code = code;
        MinorDigits = minorDigits;
    }

    /// <summary>The ISO 4217 code.</summary>
    public string Code { get; }

    public int MinorDigits { get; }

    /// <summary>
    /// The ISO 4217 currencies a regime may pay in, with their minor units. A regime names its currency by code; a new
    /// regime in another currency adds it here (its minor digits are ISO 4217's, not the regime's to choose).
    /// </summary>
    public static IReadOnlyList<Currency> All { get; } =
        [Usd, Krw, Eur, new("GBP", 2), new("JPY", 0), new("CAD", 2), new("AUD", 2), new("CHF", 2), new("MXN", 2), new("INR", 2)];

    public static Currency? FromCode(string? code) => All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The amount in major units with exactly this currency's decimal places, so it serialises as 124.00 for USD and as the
    /// integer 4000000 for KRW.
    /// </summary>
    public decimal ToAmount(Money money) => MinorDigits == 0 ? money.Cents : money.Amount;

    /// <summary>Rounds half away from zero to the minor unit.</summary>
    public Money FromAmount(decimal amount) => MinorDigits == 0 ? new Money((long)decimal.Round(amount, 0, MidpointRounding.AwayFromZero)) : Money.FromDecimal(amount);

    public override string ToString() => Code;
}
