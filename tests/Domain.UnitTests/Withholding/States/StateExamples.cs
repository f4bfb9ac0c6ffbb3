using System.Globalization;
using System.Text.Json;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Domain.UnitTests.Withholding.States;

/// <summary>Reads us-states-examples-public.json (copied from the shared reference folder) and turns a request into the state engine's input.</summary>
internal static class StateExamples
{
    private static readonly Lazy<Dictionary<string, JsonElement>> ById = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Withholding", "States", "us-states-examples-public.json")));
        return document.RootElement.GetProperty("examples").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
    });

    public static IEnumerable<string> Ids => ById.Value.Keys;

    public static JsonElement Get(string id) => ById.Value[id];

    public static decimal Expected(JsonElement example) => Amount(example.GetProperty("expected").GetProperty("stateIncomeTax"));

    public static StateWithholdingInput Input(JsonElement example)
    {
        var request = example.GetProperty("request");
        var state = request.GetProperty("state");
        var deductions = request.GetProperty("preTaxDeductions");
        var certificate = new StateCertificate(
            state.TryGetProperty("filingStatus", out var status) ? status.GetString() : null,
            state.TryGetProperty("allowances", out var allowances) ? allowances.GetInt32() : 0,
            state.TryGetProperty("secondaryAllowances", out var secondary) ? secondary.GetInt32() : 0,
            Optional(state, "additionalWithholding") ?? 0m,
            Optional(state, "electedRate"),
            Optional(state, "electedAnnualAmount"),
            state.TryGetProperty("exemptions", out var e)
                ? new IndianaExemptions(e.GetProperty("personal").GetInt32(), e.GetProperty("dependent").GetInt32(), e.GetProperty("firstTimeDependent").GetInt32(), e.GetProperty("adopted").GetInt32())
                : null,
            state.TryGetProperty("rateSchedule", out var schedule) ? schedule.GetString() : null);
        return new StateWithholdingInput(
            state.GetProperty("jurisdiction").GetString()!,
            DateOnly.ParseExact(request.GetProperty("payDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum.Parse<PayFrequency>(request.GetProperty("payFrequency").GetString()!, ignoreCase: true),
            Amount(request.GetProperty("grossWages")),
            certificate,
            Amount(request.GetProperty("supplementalWages")),
            new PreTaxDeductions(Amount(deductions.GetProperty("retirement")), Amount(deductions.GetProperty("cafeteria")), Amount(deductions.GetProperty("hsa"))),
            Optional(state, "periodFederalIncomeTax") ?? 0m,
            Optional(state, "periodFicaWithholding") ?? 0m,
            Optional(state, "retirementDeductionUsedYtd") ?? 0m);
    }

    private static decimal? Optional(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? Amount(value) : null;

    private static decimal Amount(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDecimal();
}
