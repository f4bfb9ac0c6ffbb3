using System.Text.Json.Serialization;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.TestSupport.FlatTax;

/// <summary>An employee's tax codes by effective date; stored as one JSON document by the core's JSON storage.</summary>
public sealed class FlatTaxProfile : IEmployeeTaxProfile
{
    [JsonIgnore]
    public string Regime => FlatTaxRegime.RegimeCode;

    public List<FlatTaxCode> History { get; set; } = [];

    public FlatTaxCode? On(DateOnly date) => History.Where(c => c.EffectiveDate <= date).MaxBy(c => c.EffectiveDate);

    public void Change(FlatTaxCode code)
    {
        History.RemoveAll(c => c.EffectiveDate == code.EffectiveDate);
        History.Add(code);
        History.Sort((a, b) => a.EffectiveDate.CompareTo(b.EffectiveDate));
    }
}

public sealed record FlatTaxCode(DateOnly EffectiveDate, string TaxCode);
