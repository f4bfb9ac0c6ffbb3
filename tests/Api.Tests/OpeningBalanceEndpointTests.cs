using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The opening balances' HTTP contract: one record, many, CSV, the field names of errors, media types.</summary>
public sealed class OpeningBalanceEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpeningBalances_AsOneManyOrCsv_ShouldAnswer201AndNameBadFieldsByTheirShape(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var url = $"/api/companies/{company.Id}/opening-balances";
        const string amounts = "\"wages\":1000.00,\"socialSecurityWages\":1000.00,\"medicareWages\":1000.00,\"federalIncomeTax\":100.00,\"socialSecurity\":62.00,\"medicare\":14.50,\"additionalMedicare\":0,\"supplementalWages\":0";

        var one = await client.PostAsync(url, Json($"{{\"employeeId\":\"{ada.Id}\",\"taxYear\":2026,\"asOf\":\"2026-01-31\",{amounts}}}"));
        var many = await client.PostAsync(url, Json($"{{\"balances\":[{{\"employeeId\":\"{ada.Id}\",\"taxYear\":2026,\"asOf\":\"2026-02-28\",\"period\":\"2026-02\",{amounts}}},{{\"employeeId\":\"{ada.Id}\",\"taxYear\":\"soon\"}}]}}"));
        var badAmount = await client.PostAsync(url, Json($"{{\"employeeId\":\"{ada.Id}\",\"taxYear\":2026,\"asOf\":\"2026-01-31\",{amounts.Replace("1000.00,\"socialSecurityWages\"", "1000.005,\"socialSecurityWages\"", StringComparison.Ordinal)}}}"));
        var csv = await client.PostAsync(url, new StringContent(
            "employeeId,taxYear,asOf,period,wages,socialSecurityWages,medicareWages,federalIncomeTax,socialSecurity,medicare,additionalMedicare,supplementalWages\n"
            + $"{ada.Id},2026,2026-03-31,2026-03,1000.00,1000.00,1000.00,100.00,62.00,14.50,0,0\n"
            + $"{ada.Id},2026,2026-03-31,2026-03,1000.00,1000.00,1000.00,100.00,62.00,abc,0,0\n", Encoding.UTF8, "text/csv"));
        var text = await client.PostAsync(url, new StringContent("wages=1", Encoding.UTF8, "text/plain"));
        var nullRecord = await client.PostAsync(url, Json("{\"balances\":[null]}"));
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/withholding?year=2026&quarter=1");

        one.StatusCode.ShouldBe(HttpStatusCode.Created, await one.Content.ReadAsStringAsync());
        var created = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balances")[0];
        (created.GetProperty("period").GetString(), created.GetProperty("medicare").GetDecimal(), created.GetProperty("medicareEmployer").GetDecimal())
            .ShouldBe(("2026-01", 14.50m, 14.50m));
        (await many.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("balances[1].taxYear").ShouldNotBeEmpty();
        (await badAmount.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("wages").ShouldNotBeEmpty();
        (await csv.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("rows[3].medicare").ShouldNotBeEmpty();
        await text.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await nullRecord.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("balances[0]").ShouldHaveSingleItem();
        report.GetProperty("carriedIn").GetProperty("wages").GetDecimal().ShouldBe(1_000.00m, "only the first record was stored");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Template_FilledInForAnEmployee_ShouldCheckCleanSkipItsNotesRowAndReachTheQuarter(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        await NumberAsync(client, company.Id, ada.Id, "E-0042");
        var korea = await KoreaSamples.CreateKoreaCompanyAsync(client);
        var url = $"/api/companies/{company.Id}/opening-balances";

        var template = await client.GetAsync(url + "/template.csv");
        var krTemplate = await client.GetStringAsync($"/api/companies/{korea}/opening-balances/template.csv");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        template.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(3);
        rows[0].ShouldBe("employeeNumber,employeeId,taxYear,asOf,period,wages,federalIncomeTaxWages,socialSecurityWages,medicareWages,federalIncomeTax,socialSecurity,"
            + "medicare,additionalMedicare,supplementalWages,socialSecurityEmployer,medicareEmployer");
        rows[2].TrimStart('"').ShouldStartWith("# "); // the notes row; a note with a comma is quoted
        krTemplate.TrimStart('\uFEFF').Split("\r\n")[0]
            .ShouldBe("employeeNumber,employeeId,taxYear,asOf,period,taxablePay,nationalPension,healthInsurance,longTermCare,employmentInsurance,incomeTax,localIncomeTax");

        // The clerk replaces the example's employee number with their own (the id column stays empty) and uploads the file as
        // it is, notes row included.
        var example = rows[1].Split(',');
        (example[0], example[1]).ShouldBe(("E-1001", string.Empty));
        var filled = string.Join("\r\n", rows[0], string.Join(',', ["E-0042", .. example[1..]]), rows[2]);
        var dryRun = await client.PostAsync(url + "?dryRun=true", new StringContent(filled, Encoding.UTF8, "text/csv"));
        var recorded = await client.PostAsync(url, new StringContent(filled, Encoding.UTF8, "text/csv"));
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/withholding?year=2026&quarter=2");

        dryRun.StatusCode.ShouldBe(HttpStatusCode.OK, await dryRun.Content.ReadAsStringAsync());
        var balance = (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balances").EnumerateArray().ShouldHaveSingleItem();
        (balance.GetProperty("employeeId").GetGuid(), balance.GetProperty("employeeNumber").GetString()).ShouldBe((ada.Id, "E-0042"));
        (balance.GetProperty("period").GetString(), balance.GetProperty("socialSecurity").GetDecimal(), balance.GetProperty("medicareEmployer").GetDecimal())
            .ShouldBe(("2026-05", 1_413.60m, 330.60m));
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        report.GetProperty("carriedIn").GetProperty("wages").GetDecimal().ShouldBe(24_000.00m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpeningBalances_ByEmployeeNumber_ShouldResolveTheIdAndNameAMissingUnknownOrConflictingEmployeeByItsField(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var bob = await app.EmployeeAsync(company.Id, "234-56-7890", "Bob");
        await NumberAsync(client, company.Id, ada.Id, "E-1001");
        await NumberAsync(client, company.Id, bob.Id, "E-1002");
        var url = $"/api/companies/{company.Id}/opening-balances";
        const string amounts = "\"wages\":1000.00,\"socialSecurityWages\":1000.00,\"medicareWages\":1000.00,\"federalIncomeTax\":100.00,\"socialSecurity\":62.00,\"medicare\":14.50,\"additionalMedicare\":0,\"supplementalWages\":0";
        string Record(string employee) => $"{{{employee}\"taxYear\":2026,\"asOf\":\"2026-01-31\",{amounts}}}";
        const string header = "employeeNumber,taxYear,asOf,period,wages,socialSecurityWages,medicareWages,federalIncomeTax,socialSecurity,medicare,additionalMedicare,supplementalWages\n";
        const string figures = "2026,2026-03-31,2026-03,1000.00,1000.00,1000.00,100.00,62.00,14.50,0,0\n";

        var neither = await client.PostAsync(url, Json($"{{\"balances\":[{Record("\"employeeNumber\":\"E-1001\",")},{Record($"\"employeeId\":\"{bob.Id}\",")},{Record("")}]}}"));
        var twoEmployees = await client.PostAsync(url, Json($"{{\"balances\":[{Record($"\"employeeId\":\"{ada.Id}\",\"employeeNumber\":\"E-1002\",")}]}}"));
        var unknownCsv = await client.PostAsync(url, Csv(header + "E-1001," + figures + "E-1002," + figures + "E-1003," + figures));
        var emptyRow = await client.PostAsync(url, Csv(header + "E-1001," + figures + "," + figures));
        var notAnId = await client.PostAsync(url, Csv("employeeId," + header + "not-an-id,E-1001," + figures));
        var stored = await StoredAsync(app, company.Id);
        var one = await client.PostAsync(url, Json(Record("\"employeeNumber\":\"E-1002\",")));
        var both = await client.PostAsync(url + "?dryRun=true", Json(Record($"\"employeeId\":\"{ada.Id}\",\"employeeNumber\":\"E-1001\",")));

        Fields(await neither.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe(["balances[2].employeeId"]);
        (await neither.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("balances[2].employeeId").ShouldHaveSingleItem().ShouldContain("employeeNumber or employeeId");
        var mismatch = await twoEmployees.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Fields(mismatch).ShouldBe(["balances[0].employeeNumber"]);
        mismatch.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["opening_balance.employee_mismatch"]);
        var unknown = await unknownCsv.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Fields(unknown).ShouldBe(["rows[4].employeeNumber"], "rows 2 and 3 are good; row 4's number is no employee's");
        unknown.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["opening_balance.employee_unknown"], "the code an unknown employeeId gets");
        unknown.FieldErrors("rows[4].employeeNumber").ShouldHaveSingleItem().ShouldContain("E-1003");
        Fields(await emptyRow.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe(["rows[3].employeeId"]);
        Fields(await notAnId.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe(["rows[2].employeeId"], "a bad id is refused, not dropped for the number beside it");
        stored.ShouldBeEmpty("a file with one bad row stores nothing");

        one.StatusCode.ShouldBe(HttpStatusCode.Created, await one.Content.ReadAsStringAsync());
        var created = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balances")[0];
        (created.GetProperty("employeeId").GetGuid(), created.GetProperty("employeeNumber").GetString(), created.GetProperty("wages").GetDecimal())
            .ShouldBe((bob.Id, "E-1002", 1_000.00m));
        both.StatusCode.ShouldBe(HttpStatusCode.OK, await both.Content.ReadAsStringAsync());
        (await StoredAsync(app, company.Id)).Select(b => b.EmployeeId).ShouldBe([bob.Id], "the dry run stored nothing");
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?companyId={company.Id}&action=opening_balance.recorded");
        audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("targetId").GetString().ShouldBe(bob.Id.ToString(), "the audit names the id the number resolved to");
    }

    private static async Task NumberAsync(HttpClient client, Guid companyId, Guid employeeId, string employeeNumber)
    {
        var response = await client.PatchAsync($"/api/companies/{companyId}/employees/{employeeId}", Json($"{{\"employeeNumber\":\"{employeeNumber}\"}}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static string[] Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    /// <summary>The records that count, read from the store itself.</summary>
    private static async Task<IReadOnlyList<OpeningBalance>> StoredAsync(PayrollApp app, Guid companyId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOpeningBalanceStore>().EffectiveAsync(companyId, 2026, null, CancellationToken.None);
    }

    private static StringContent Csv(string body) => new(body, Encoding.UTF8, "text/csv");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
