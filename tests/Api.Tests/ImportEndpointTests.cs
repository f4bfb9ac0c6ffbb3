using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The employee import's HTTP contract: media types, limits, dry run and commit, idempotency, roles, templates.</summary>
public sealed class ImportEndpointTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string Good = ImportSamples.UsHeader + ",payFrequency\n" + "E-1001,Ada,Lovelace,123-45-6781,2026-01-05,,2020,single,,,salary,78000.00,,,,biweekly\n";
    private static readonly string Bad = ImportSamples.UsHeader + ",payFrequency\n" + "E-1001,Ada,Lovelace,123-45-67,2026-01-05,,2020,single,,,salary,78000.00,,,,biweekly\n";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EmployeeImport_DryRunAndCommit_ShouldAnswer200WithProblems400WithTheSameFieldsAnd201OnceForAKey(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var url = $"/api/companies/{company.Id}/employee-imports";

        var dryRun = await client.PostAsync($"{url}?dryRun=true", Csv(Bad.Replace(",,2020", ",weekly,2020", StringComparison.Ordinal)));
        var refused = await client.PostAsync(url, Csv(Bad));
        var first = await client.SendAsync(Keyed(url, "import-1", Good));
        var retry = await client.SendAsync(Keyed(url, "import-1", Good));
        var employees = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees");

        dryRun.StatusCode.ShouldBe(HttpStatusCode.OK);
        var problems = (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        problems.Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("code").GetString()))
            .ShouldBe([(2, "paySchedule", "employee.schedule_unknown"), (2, "ssn", "employee.ssn_malformed")], "in row, then template column order");
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("rows[2].ssn").ShouldHaveSingleItem().ShouldNotContain("123-45");
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("created").GetInt32(), body.GetProperty("dryRun").GetBoolean()).ShouldBe((1, false));
        employees.GetProperty("items").GetArrayLength().ShouldBe(1, "the retry replays; it imports nothing twice");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EmployeeImport_WhenTheMediaTypeSizeOrRoleIsWrong_ShouldRefuseWith415And413And403(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["MAX_REQUEST_BODY_BYTES"] = "200",
            ["MAX_IMPORT_BYTES"] = "4000",
        });
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var url = $"/api/companies/{company.Id}/employee-imports";
        var manager = await app.CreateClientAsync("payroll_manager", company.Id);

        var json = await client.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"));
        var overImportLimit = await client.PostAsync($"{url}?dryRun=true", Csv(Good + new string('\n', 4000)));
        var overRequestLimitOnly = await client.PostAsync($"{url}?dryRun=true", Csv(Good));
        var byManager = await manager.PostAsync($"{url}?dryRun=true", Csv(Good));
        var notXlsx = await client.PostAsync($"{url}?dryRun=true", new ByteArrayContent("PK but no zip"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx) } });

        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await overImportLimit.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        overRequestLimitOnly.StatusCode.ShouldBe(HttpStatusCode.OK, "an import file is limited by MAX_IMPORT_BYTES, not MAX_REQUEST_BODY_BYTES");
        await byManager.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await notXlsx.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file").ShouldHaveSingleItem();
        (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EmployeeImportTemplates_ShouldGiveTheRegimesColumnsWithListsAndAnExampleRowThatImportsCleanly(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        (await client.PostAsJsonAsync($"/api/companies/{company.Id}/pay-schedules",
            new { name = "Biweekly", frequency = "biweekly", firstPeriodStart = "2026-01-04", payDateOffsetDays = 5 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var kr = await KoreaSamples.CreateKoreaCompanyAsync(client);
        var url = $"/api/companies/{company.Id}/employee-imports";

        var csv = await client.GetAsync($"{url}/template.csv");
        var xlsx = await client.GetAsync($"{url}/template.xlsx");
        var krCsv = await client.GetStringAsync($"/api/companies/{kr}/employee-imports/template.csv");
        var csvText = await csv.Content.ReadAsStringAsync();
        var usDryRun = await client.PostAsync($"{url}?dryRun=true", Csv(csvText));
        var krDryRun = await client.PostAsync($"/api/companies/{kr}/employee-imports?dryRun=true", Csv(krCsv));

        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = csvText.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3, "header, example, notes");
        lines[0].ShouldStartWith("employeeNumber,firstName,lastName,hireDate,terminationDate,paySchedule,ssn,payFrequency,exempt,w4Version,filingStatus");
        lines[0].ShouldEndWith("postTaxDeductions,compensationEffectiveFrom");
        lines[0].ShouldContain("w4EffectiveDate,workState,stateFilingStatus,stateAllowances,stateSecondaryAllowances,stateAdditionalWithholding,"
            + "stateElectedRate,stateElectedAnnualAmount,statePersonalExemptions,stateDependentExemptions,stateFirstTimeDependentExemptions,"
            + "stateAdoptedExemptions,stateRateSchedule,stateMdResidentInDe,stateEffectiveDate,payType");
        var example = lines[1].Split(',');
        var header = lines[0].Split(',');
        (example[Array.IndexOf(header, "workState")], example[Array.IndexOf(header, "stateFilingStatus")]).ShouldBe(("US-CA", "single"));
        lines[2].ShouldContain("US-AK, US-AL");
        lines[2].ShouldStartWith("\"# ");
        krCsv.ShouldContain("residentRegistrationNumber,dependents,childrenAged8To20,withholdingRatio,meals,carAllowance,childcare,krEffectiveDate,payType,monthlyBase");
        krCsv.ShouldNotContain("w4Version");
        (await usDryRun.Content.ReadFromJsonAsync<JsonElement>()).ShouldSatisfyAllConditions(
            d => d.GetProperty("problems").GetArrayLength().ShouldBe(0, d.ToString()),
            d => d.GetProperty("created").GetInt32().ShouldBe(1, "the example row, with its work state and certificate"));
        (await krDryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").GetArrayLength().ShouldBe(0);

        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();
        var xlsxDryRun = await client.PostAsync($"{url}?dryRun=true", new ByteArrayContent(xlsxBytes) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx) } });
        (await xlsxDryRun.Content.ReadFromJsonAsync<JsonElement>()).ShouldSatisfyAllConditions(
            d => d.GetProperty("problems").GetArrayLength().ShouldBe(0, d.ToString()),
            d => d.GetProperty("created").GetInt32().ShouldBe(1, "the example row of the first sheet; the Notes sheet is not read"));
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsxBytes), false);
        var workbook = document.WorkbookPart!;
        var first = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var lists = first.Worksheet.Descendants<DataValidation>().Where(v => v.Type?.Value == DataValidationValues.List)
            .Select(v => (v.SequenceOfReferences!.InnerText, v.Formula1!.Text)).ToList();
        lists.ShouldContain(("F2:F10001", "\"Biweekly\""), "the company's schedules");
        lists.ShouldContain(l => l.Text.Contains("married_filing_jointly"));
        lists.ShouldContain(l => l.Text == "\"salary,hourly\"");
        var workState = Column(Array.IndexOf(header, "workState"));
        lists.ShouldContain(($"{workState}2:{workState}10001", "'Lists'!$A$2:$A$52"), "51 work states are too long for the validation itself: a Lists sheet holds them");
        workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["Employees", "Notes", "Lists"]);
        var listsSheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var states = listsSheet.Worksheet.Descendants<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString ? strings![int.Parse(c.InnerText)] : c.InnerText).ToList();
        states.Count.ShouldBe(52);
        (states[0], states[1], states[^1]).ShouldBe(("workState", "US-AK", "US-WY"));
    }

    private static string Column(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters;
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static HttpRequestMessage Keyed(string url, string key, string csv)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Csv(csv) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
