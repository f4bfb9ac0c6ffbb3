using System.Globalization;
using System.Text.Json;
using PayrollPortal.Domain.Withholding.UsFederal.States;
using PayrollPortal.Domain.Withholding.UsFederal.States.Methods;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.States;

/// <summary>The portal's map of each state's certificate (js/regimes/us-federal/states.js) says what the engine's files say.</summary>
public sealed class StatePortalModuleTests
{
    private static readonly Dictionary<StateInputs, string> CertificateFields = new()
    {
        [StateInputs.Allowances] = "allowances",
        [StateInputs.SecondaryAllowances] = "secondaryAllowances",
        [StateInputs.ElectedRate] = "electedRate",
        [StateInputs.ElectedAnnualAmount] = "electedAnnualAmount",
        [StateInputs.Exemptions] = "exemptions",
        [StateInputs.RateSchedule] = "rateSchedule",
        [StateInputs.MdResidentInDe] = "mdResidentInDe",
    };

    [Fact]
    public void StatesJs_ShouldListEveryJurisdictionWithTheEnginesStatusesFieldsAndAllowedValues()
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf("src/Api/wwwroot/js/regimes/us-federal/states.js"));
        var start = text.IndexOf("export const stateForms = {", StringComparison.Ordinal) + "export const stateForms = ".Length;
        var body = text[start..(text.IndexOf("};", start, StringComparison.Ordinal) + 1)].Replace('\'', '"').Replace("},\n}", "}\n}", StringComparison.Ordinal);
        var portal = JsonDocument.Parse(body).RootElement;
        var engine = StateWithholdingEngine.FromEmbeddedTables();

        portal.EnumerateObject().Select(p => p.Name).ShouldBe(engine.Jurisdictions);
        foreach (var jurisdiction in engine.Jurisdictions)
        {
            var edition = engine.Editions.Last(e => e.Jurisdiction == jurisdiction);
            var form = portal.GetProperty(jurisdiction);
            var expected = (edition.FilingStatuses.Count > 0 ? ["filingStatus"] : Array.Empty<string>())
                .Concat(CertificateFields.Where(f => edition.Method.Reads.HasFlag(f.Key)).Select(f => f.Value));
            Strings(form, "statuses").ShouldBe(edition.FilingStatuses, jurisdiction);
            Strings(form, "fields").Order().ShouldBe(expected.Order(), jurisdiction);
            form.TryGetProperty("noTax", out _).ShouldBe(!edition.TaxesWages, jurisdiction);
            if (edition.Method is ElectedRateMethod az)
            {
                Strings(form, "electedRates").Select(r => decimal.Parse(r, CultureInfo.InvariantCulture)).ShouldBe(az.AllowedRates);
            }

            if (edition.Method is MarylandMethod md)
            {
                Strings(form, "rateSchedules").ShouldBe(md.Schedules);
            }
        }
    }

    private static string[] Strings(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
