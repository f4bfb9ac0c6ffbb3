using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.TestSupport.FlatTax;

/// <summary>
/// A deliberately simple third regime that lives only in the tests: 10% income tax on all pay, in euros, unless the
/// employee's tax code is <c>NT</c> (no tax). It proves a regime plugs in without editing anything under <c>src/</c>.
/// </summary>
public sealed class FlatTaxRegime : IWithholdingRegime
{
    public const string RegimeCode = "xx-flat";

    public const decimal Rate = 0.10m;

    public string Code => RegimeCode;

    public IReadOnlyList<int> TaxYears { get; } = [2025, 2026, 2027];

    public string CurrencyCode => "EUR";
}
