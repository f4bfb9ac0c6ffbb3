using System.Globalization;
using System.Text.Json;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Domain.UnitTests.Withholding.Korea;

/// <summary>Reads the kr worked examples (copied from the shared reference folder) and builds the engine's input.</summary>
internal static class KoreaExamples
{
    private static readonly Lazy<JsonElement[]> All = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Withholding", "Korea", "kr-examples-public.json")));
        return [.. document.RootElement.GetProperty("examples").EnumerateArray().Select(e => e.Clone())];
    });

    public static int Count => All.Value.Length;

    public static JsonElement Get(int index) => All.Value[index];

    public static long Krw(JsonElement element, string name) => long.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    /// <summary>
    /// Withholding examples give no month; they hold from their validFrom on, so they run in October of their year unless
    /// they name a pay date (the child amounts switch on 2026-03-01).
    /// </summary>
    public static KoreaWithholdingInput Input(JsonElement example)
    {
        var inputs = example.GetProperty("inputs");
        var year = example.GetProperty("year").GetInt32();
        var payDate = example.TryGetProperty("payDate", out var date)
            ? DateOnly.Parse(date.GetString()!, CultureInfo.InvariantCulture)
            : inputs.TryGetProperty("payMonth", out var month)
                ? DateOnly.ParseExact(month.GetString()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : new DateOnly(year, 10, 1);
        var pay = inputs.TryGetProperty("monthlyTaxablePay", out _) ? Krw(inputs, "monthlyTaxablePay") : Krw(inputs, "nationalPensionStandardIncome");
        var ratio = inputs.TryGetProperty("ratio", out var r) ? (int)(decimal.Parse(r.GetString()!, CultureInfo.InvariantCulture) * 100) : 100;
        return new KoreaWithholdingInput(
            payDate.Year,
            payDate.Month,
            payDate,
            pay,
            KoreaNonTaxableAllowances.None,
            inputs.TryGetProperty("dependents", out var n) ? n.GetInt32() : 1,
            inputs.TryGetProperty("children8to20", out var c) ? c.GetInt32() : 0,
            ratio);
    }
}
