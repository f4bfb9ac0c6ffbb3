using System.Globalization;
using System.Text.Json;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.UnitTests.Withholding;

/// <summary>Reads examples-public.json (copied from the shared reference folder) and turns an example into the engine's input.</summary>
internal static class PublicExamples
{
    private static readonly Lazy<Dictionary<string, JsonElement>> ById = new(Load);

    public static JsonElement Get(string id) => ById.Value[id];

    public static IEnumerable<string> IdsWhereMethodStartsWith(string prefix) =>
        ById.Value.Where(e => e.Value.GetProperty("method").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Key);

    public static decimal Money(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    public static decimal? OptionalMoney(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// An income tax example as engine input. The examples give gross and income-tax wages per period; any difference is a
    /// deduction that reduces income tax wages only, which is what a retirement deferral does.
    /// </summary>
    public static UsFederalWithholdingInput IncomeTaxInput(JsonElement example)
    {
        var inputs = example.GetProperty("inputs");
        var gross = Money(inputs, "grossWagesPerPeriod");
        var taxable = Money(inputs, "federalTaxableWagesPerPeriod");
        var form = inputs.GetProperty("formW4");
        FormW4 w4 = form.GetProperty("version").GetString() == "2020orLater"
            ? new FormW4From2020(
                form.GetProperty("filingStatusTable").GetString() switch
                {
                    "marriedFilingJointly" => FilingStatus.MarriedFilingJointly,
                    "headOfHousehold" => FilingStatus.HeadOfHousehold,
                    "singleOrMarriedFilingSeparately" => FilingStatus.Single,
                    var other => throw new InvalidOperationException($"Unknown filing status table {other}."),
                },
                form.GetProperty("step2Checkbox").GetBoolean(),
                Money(form, "step3Dependents"),
                Money(form, "step4aOtherIncome"),
                Money(form, "step4bDeductions"),
                Money(form, "step4cExtraWithholding"))
            : new FormW4Before2020(
                form.GetProperty("maritalStatus").GetString() switch
                {
                    "Single" => Pre2020MaritalStatus.Single,
                    "Married" => Pre2020MaritalStatus.Married,
                    var other => throw new InvalidOperationException($"Unknown marital status {other}."),
                },
                form.GetProperty("allowances").GetInt32(),
                Money(form, "additionalWithholding"));

        return new UsFederalWithholdingInput(
            example.GetProperty("taxYear").GetInt32(),
            Enum.Parse<PayFrequency>(inputs.GetProperty("payFrequency").GetString()!, ignoreCase: true),
            gross,
            w4,
            PreTaxDeductions: new PreTaxDeductions(Retirement: gross - taxable));
    }

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Withholding", "examples-public.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("examples").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
    }
}
