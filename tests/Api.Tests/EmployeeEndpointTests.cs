using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The HTTP contract of /api/companies/{companyId}/employees: status codes, Location, problem shapes, and the SSN kept in.</summary>
public sealed class EmployeeEndpointTests
{
    private const string Ssn = "123-45-6789";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenValid_ShouldReturn201WithLocationAndOnlyTheMaskedSsnAnywhere(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await client.PostCompanyAsync();

        var response = await client.PostAsync($"/api/companies/{companyId}/employees", HttpRequests.Json(ValidEmployee()));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        var location = response.Headers.Location!.ToString();
        location.ShouldBe($"/api/companies/{companyId}/employees/{body.GetProperty("id").GetString()}");
        body.GetProperty("ssnLast4").GetString().ShouldBe("6789");
        body.GetProperty("ssnMasked").GetString().ShouldBe("***-**-6789");
        body.GetProperty("w4").GetProperty("filingStatus").GetString().ShouldBe("married_filing_jointly");
        body.GetProperty("w4EffectiveDate").GetString().ShouldBe("2025-03-01");
        var fetched = await client.GetStringAsync(location);
        var listed = await client.GetStringAsync($"/api/companies/{companyId}/employees?q=love");
        var patched = await (await client.PatchAsync(location, HttpRequests.Json(new JsonObject { ["lastName"] = "Byron" }))).Content.ReadAsStringAsync();
        JsonDocument.Parse(patched).RootElement.GetProperty("lastName").GetString().ShouldBe("Byron");
        JsonDocument.Parse(listed).RootElement.GetProperty("items").GetArrayLength().ShouldBe(1);
        foreach (var seen in new[] { text, fetched, listed, patched, app.Logs.All })
        {
            seen.ShouldNotContain("123456789");
            seen.ShouldNotContain(Ssn);
        }
    }

    public static TheoryData<DatabaseProvider, string, string> InvalidFields()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(provider, """{"ssn": "666-12-3456"}""", "ssn");
            data.Add(provider, """{"ssn": "123-45-678"}""", "ssn");
            data.Add(provider, """{"ssn": "123-00-6789"}""", "ssn");
            data.Add(provider, """{"hireDate": "2026-13-05"}""", "hireDate");
            data.Add(provider, """{"terminationDate": "2024-01-01"}""", "terminationDate");
            data.Add(provider, """{"payFrequency": "fortnightly"}""", "payFrequency");
            data.Add(provider, """{"w4": {"version": "2019", "maritalStatus": "single", "allowances": 100}}""", "w4.allowances");
            data.Add(provider, """{"w4": {"version": "2020", "filingStatus": "widowed"}}""", "w4.filingStatus");
            data.Add(provider, """{"firstName": ""}""", "firstName");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Post_WhenAFieldIsInvalid_ShouldReturn400ProblemNamingThatField(DatabaseProvider provider, string change, string field)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await client.PostCompanyAsync();
        var body = ValidEmployee();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await client.PostAsync($"/api/companies/{companyId}/employees", HttpRequests.Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldNotBeEmpty();
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/employees")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("6789\"");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenSsnDuplicatedInAnotherFormat_ShouldReturn409NamingSsnWithoutEchoingIt(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await client.PostCompanyAsync();
        (await client.PostAsync($"/api/companies/{companyId}/employees", HttpRequests.Json(ValidEmployee()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = ValidEmployee();
        again["ssn"] = "123456789";
        again["firstName"] = "Someone";

        var response = await client.PostAsync($"/api/companies/{companyId}/employees", HttpRequests.Json(again));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().ShouldBe("employee.ssn_taken");
        problem.FieldErrors("ssn").ShouldNotBeEmpty();
        problem.GetRawText().ShouldNotContain("123456789");
        app.Logs.All.ShouldNotContain("123456789");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Requests_WhenCompanyOrEmployeeIsUnknown_ShouldReturn404Problems(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await client.PostCompanyAsync();
        var nobody = Guid.NewGuid();

        await (await client.PostAsync($"/api/companies/{nobody}/employees", HttpRequests.Json(ValidEmployee()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/companies/{nobody}/employees")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/companies/{companyId}/employees/{nobody}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsync($"/api/companies/{companyId}/employees/{nobody}", HttpRequests.Json(new JsonObject { ["lastName"] = "X" })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var created = await client.PostAsync($"/api/companies/{companyId}/employees", HttpRequests.Json(ValidEmployee()));
        var employeeUrl = created.Headers.Location!.ToString();
        var otherCompany = await client.PostCompanyAsync("other");
        await (await client.GetAsync(employeeUrl.Replace(companyId.ToString(), otherCompany.ToString(), StringComparison.Ordinal)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Requests_WhenBodiesAreMalformedOrHostile_ShouldNeverReturn5xx(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await client.PostCompanyAsync();
        var created = await client.PostAsync($"/api/companies/{companyId}/employees", HttpRequests.Json(ValidEmployee()));
        var employeeUrl = created.Headers.Location!.ToString();
        string[] bodies =
        [
            "", "null", "[]", "{}", "\"text\"", "{\"ssn\": 123456789}", "{\"ssn\": null, \"w4\": null}", "{\"w4\": []}", "{\"w4\": {}}",
            "{\"w4\": {\"version\": null}}", "{\"hireDate\": \"0001-01-01\"}", "{\"hireDate\": \"9999-12-31\", \"terminationDate\": \"9999-12-31\"}",
            "{\"firstName\": \"" + new string('x', 10_000) + "\"}", "{\"w4\": {\"version\": \"2020\", \"filingStatus\": \"single\", \"step3Dependents\": 1e30}}",
            "{\"w4\": {\"version\": \"2020\", \"filingStatus\": \"single\", \"step4cExtraWithholding\": -1}}", "{\"w4\": {\"version\": \"1800\"}}",
            "{\"exempt\": \"yes\"}", "{\"payFrequency\": 7}", "{\"w4EffectiveDate\": \"2026-02-30\"}", "{\"ssn\": \"１２３-４５-６７８９\"}",
        ];

        foreach (var body in bodies)
        {
            var merged = body.StartsWith('{') && body.Length > 2 ? Merge(ValidEmployee(), body) : body;
            var post = await client.PostAsync($"/api/companies/{companyId}/employees", new StringContent(merged, Encoding.UTF8, "application/json"));
            var patch = await client.PatchAsync(employeeUrl, new StringContent(body, Encoding.UTF8, "application/json"));
            ((int)post.StatusCode).ShouldBeLessThan(500, $"POST {body}");
            ((int)patch.StatusCode).ShouldBeLessThan(500, $"PATCH {body}");
        }

        app.Logs.All.ShouldNotContain("123456789");
    }

    private static string Merge(JsonObject body, string change)
    {
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        return body.ToJsonString();
    }

    private static JsonObject ValidEmployee() => new()
    {
        ["firstName"] = "Ada",
        ["lastName"] = "Lovelace",
        ["ssn"] = Ssn,
        ["hireDate"] = "2025-03-01",
        ["payFrequency"] = "monthly",
        ["exempt"] = false,
        ["w4"] = new JsonObject { ["version"] = "2020", ["filingStatus"] = "married_filing_jointly", ["step3Dependents"] = 2000 },
    };
}
