using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayrollPortal.Api.Tests.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.States;

/// <summary>The HTTP contract of state tax on employees, payroll lines, the withholding report and the register, on both databases.</summary>
public sealed class StatePayrollEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Payroll_WhenACaliforniaAndANewYorkEmployeeArePaid_ShouldShowStateTaxOnLinesReportAndRegister(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var client = app.CreateClient();
        var company = await (await client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "acme" })).Content.ReadFromJsonAsync<JsonElement>();
        var companyId = company.GetProperty("id").GetString();
        var ada = await HireAsync(client, companyId!, "123-45-6789", "Ada", "US-CA", new JsonObject { ["filingStatus"] = "single", ["allowances"] = 1 });
        var grace = await HireAsync(client, companyId!, "234-56-7890", "Grace", "US-NY", new JsonObject { ["filingStatus"] = "single", ["allowances"] = 0 });
        ada.GetProperty("workState").GetString().ShouldBe("US-CA");
        ada.GetProperty("stateCertificate").GetProperty("filingStatus").GetString().ShouldBe("single");
        ada.GetProperty("stateHistory").GetArrayLength().ShouldBe(1);

        var created = await client.PostAsync($"/api/companies/{companyId}/payrolls", Json(new JsonObject
        {
            ["periodStart"] = "2026-06-01",
            ["periodEnd"] = "2026-06-30",
            ["payDate"] = "2026-06-30",
            ["payFrequency"] = "monthly",
            ["lines"] = new JsonArray(
                new JsonObject { ["employeeId"] = ada.GetProperty("id").GetString(), ["grossWages"] = 7000 },
                new JsonObject { ["employeeId"] = grace.GetProperty("id").GetString(), ["grossWages"] = 9000 }),
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await client.PostAsync($"{created.Headers.Location}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var payroll = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location);

        var lines = payroll.GetProperty("lines").EnumerateArray().ToList();
        var caTax = await PreviewAsync(client, 7000m, new JsonObject { ["jurisdiction"] = "US-CA", ["filingStatus"] = "single", ["allowances"] = 1 });
        var nyTax = await PreviewAsync(client, 9000m, new JsonObject { ["jurisdiction"] = "US-NY", ["filingStatus"] = "single", ["allowances"] = 0 });
        lines[0].GetProperty("stateJurisdiction").GetString().ShouldBe("US-CA");
        lines[0].GetProperty("stateIncomeTax").GetDecimal().ShouldBe(caTax);
        lines[1].GetProperty("stateJurisdiction").GetString().ShouldBe("US-NY");
        lines[1].GetProperty("stateIncomeTax").GetDecimal().ShouldBe(nyTax);
        payroll.GetProperty("totals").GetProperty("stateIncomeTax").GetDecimal().ShouldBe(caTax + nyTax);

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year=2026&quarter=2");
        var states = report.GetProperty("states").EnumerateArray().ToList();
        states.Select(s => s.GetProperty("jurisdiction").GetString()).ShouldBe(["US-CA", "US-NY"]);
        states[0].GetProperty("wages").GetDecimal().ShouldBe(7000.00m);
        states[0].GetProperty("incomeTax").GetDecimal().ShouldBe(caTax);
        states[1].GetProperty("wages").GetDecimal().ShouldBe(9000.00m);
        states[1].GetProperty("incomeTax").GetDecimal().ShouldBe(nyTax);

        var link = await ExportScenario.IssueAsync(client, Guid.Parse(companyId!), new { year = 2026, quarter = 2 }, "csv");
        var bytes = await client.GetByteArrayAsync(link.Url);
        var records = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = records[0].ToList();
        var state = header.IndexOf("State");
        var stateTax = header.IndexOf("State income tax");
        state.ShouldBeGreaterThan(0);
        stateTax.ShouldBeGreaterThan(0);
        records[1][state].ShouldBe("US-CA");
        records[1][stateTax].ShouldBe(caTax.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        records[2][state].ShouldBe("US-NY");
        records[^1][stateTax].ShouldBe((caTax + nyTax).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_WhenTheCertificateChangesWithoutAnEffectiveDate_ShouldReturn400_AndWithOneShouldJoinTheHistory(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await (await client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "acme" })).Content.ReadFromJsonAsync<JsonElement>();
        var companyId = company.GetProperty("id").GetString()!;
        var ada = await HireAsync(client, companyId, "123-45-6789", "Ada", "US-CA", new JsonObject { ["filingStatus"] = "single" });
        var location = $"/api/companies/{companyId}/employees/{ada.GetProperty("id").GetString()}";

        var missing = await client.PatchAsync(location, Json(new JsonObject { ["stateCertificate"] = new JsonObject { ["filingStatus"] = "married", ["allowances"] = 2 } }));
        var problem = await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("stateEffectiveDate").ShouldNotBeEmpty();

        var changed = await client.PatchAsync(location, Json(new JsonObject
        {
            ["stateCertificate"] = new JsonObject { ["filingStatus"] = "married", ["allowances"] = 2 },
            ["stateEffectiveDate"] = "2026-07-01",
        }));
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("stateCertificate").GetProperty("filingStatus").GetString().ShouldBe("married");
        body.GetProperty("stateHistory").EnumerateArray().Select(h => h.GetProperty("stateCertificate").GetProperty("filingStatus").GetString()).ShouldBe(["single", "married"]);
    }

    private static async Task<JsonElement> HireAsync(HttpClient client, string companyId, string ssn, string name, string workState, JsonObject certificate)
    {
        var response = await client.PostAsync($"/api/companies/{companyId}/employees", Json(new JsonObject
        {
            ["firstName"] = name,
            ["lastName"] = "Tester",
            ["ssn"] = ssn,
            ["hireDate"] = "2025-03-01",
            ["payFrequency"] = "monthly",
            ["exempt"] = false,
            ["w4"] = new JsonObject { ["version"] = "2020", ["filingStatus"] = "single" },
            ["workState"] = workState,
            ["stateCertificate"] = certificate,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<decimal> PreviewAsync(HttpClient client, decimal gross, JsonObject state)
    {
        var response = await client.PostAsync("/api/withholding/calculate", Json(new JsonObject
        {
            ["taxYear"] = 2026,
            ["payDate"] = "2026-06-30",
            ["payFrequency"] = "monthly",
            ["grossWages"] = gross,
            ["w4"] = new JsonObject { ["version"] = "2020", ["filingStatus"] = "single" },
            ["state"] = state,
        }));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stateIncomeTax").GetDecimal();
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");
}
