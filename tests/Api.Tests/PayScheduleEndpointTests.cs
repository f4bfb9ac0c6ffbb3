using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>Schedules, compensation and runs over HTTP: paths, statuses, CSV hours and problem+json naming the field.</summary>
public sealed class PayScheduleEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartRun_WithCsvHours_ShouldCreateTheDraftAndReportEveryBadRowByItsSpreadsheetRow(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var schedule = await CreateScheduleAsync(client, company.Id);
        var ada = await HireAsync(client, company.Id, schedule, "123-45-6789", "E-001");
        var bob = await HireAsync(client, company.Id, schedule, "234-56-7890", "E-002");
        (await client.PostAsJsonAsync($"/api/companies/{company.Id}/employees/{ada}/compensation",
            new { effectiveFrom = "2025-01-01", payType = "hourly", hourlyRate = 20.00m })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync($"/api/companies/{company.Id}/employees/{bob}/compensation",
            new { effectiveFrom = "2025-01-01", payType = "hourly", hourlyRate = 30.00m })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var badCsv = "employeeNumber,regularHours,overtimeHours\nE-001,80,abc\nE-404,10,0\nE-002,400,0\n";
        var bad = await client.PostAsync($"/api/companies/{company.Id}/pay-schedules/{schedule}/runs?periodStart=2026-01-04", Csv(badCsv));
        var afterBad = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls");
        var badRows = await client.PostAsync($"/api/companies/{company.Id}/pay-schedules/{schedule}/runs?periodStart=2026-01-04",
            Csv("employeeNumber,regularHours,overtimeHours\nE-404,10,0\nE-002,400,0\n"));
        var good = await client.PostAsync($"/api/companies/{company.Id}/pay-schedules/{schedule}/runs?periodStart=2026-01-04",
            Csv("employeeNumber,regularHours,overtimeHours\r\nE-001,80,2\r\nE-002,75.5,0\r\n"));
        var second = await client.PostAsync($"/api/companies/{company.Id}/pay-schedules/{schedule}/runs?periodStart=2026-01-04",
            Csv("employeeNumber,regularHours\nE-001,80\nE-002,80\n"));

        var parse = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        parse.FieldErrors("rows[2].overtimeHours").ShouldNotBeEmpty("the first data row is spreadsheet row 2");
        afterBad.GetProperty("items").GetArrayLength().ShouldBe(0, "a refused file stores nothing");
        var rows = await badRows.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        rows.FieldErrors("rows[2].employeeNumber").ShouldNotBeEmpty();
        rows.FieldErrors("rows[3].regularHours").ShouldNotBeEmpty("400 hours is over 24 x 14 days");
        rows.FieldErrors("hours").Single().ShouldContain("E-001", Case.Sensitive, "the hourly employee the file left out");
        good.StatusCode.ShouldBe(HttpStatusCode.Created, await good.Content.ReadAsStringAsync());
        var run = await good.Content.ReadFromJsonAsync<JsonElement>();
        good.Headers.Location!.ToString().ShouldBe($"/api/companies/{company.Id}/payrolls/{run.GetProperty("id").GetGuid()}");
        run.GetProperty("lineCount").GetInt32().ShouldBe(2);
        // 80 x 20 + 2 x 20 x 1.5 = 1,660.00; 75.5 x 30 = 2,265.00.
        run.GetProperty("totals").GetProperty("grossWages").GetDecimal().ShouldBe(3_925.00m);
        var conflict = await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        conflict.GetProperty("code").GetString().ShouldBe("run.period_started");
        conflict.GetProperty("detail").GetString()!.ShouldContain(run.GetProperty("id").GetString()!);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls/{run.GetProperty("id").GetGuid()}/lines?limit=1");
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        var rest = await client.GetFromJsonAsync<JsonElement>(
            $"/api/companies/{company.Id}/payrolls/{run.GetProperty("id").GetGuid()}/lines?limit=1&cursor={page.GetProperty("nextCursor").GetString()}");
        rest.GetProperty("items")[0].GetProperty("lineNumber").GetInt32().ShouldBe(2);
        rest.GetProperty("items")[0].GetProperty("earnings").GetProperty("payType").GetString().ShouldBe("hourly");
        rest.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadInput_ShouldBeRefusedWithTheFieldNamedAndNothingStored(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var viewer = await app.CreateClientAsync("viewer", company.Id);
        var schedule = await CreateScheduleAsync(client, company.Id);
        var ada = await HireAsync(client, company.Id, schedule, "123-45-6789", "E-001");

        var badSchedule = await client.PostAsJsonAsync($"/api/companies/{company.Id}/pay-schedules",
            new { name = "Semi", frequency = "semimonthly", firstPeriodStart = "2026-01-05", payDateOffsetDays = -1 });
        var sameName = await client.PostAsJsonAsync($"/api/companies/{company.Id}/pay-schedules",
            new { name = "Biweekly", frequency = "weekly", firstPeriodStart = "2026-01-04" });
        var unknown = await client.PostAsync($"/api/companies/{company.Id}/pay-schedules/{Guid.NewGuid()}/runs", null);
        var offPeriod = await client.PostAsJsonAsync($"/api/companies/{company.Id}/pay-schedules/{schedule}/runs", new { periodStart = "2026-01-05" });
        var noPay = await client.PostAsJsonAsync($"/api/companies/{company.Id}/pay-schedules/{schedule}/runs", new { periodStart = "2026-01-04" });
        var badComp = await client.PostAsJsonAsync($"/api/companies/{company.Id}/employees/{ada}/compensation",
            new { effectiveFrom = "2026-01-01", payType = "salary", annualSalary = -1m, monthlyBase = 5 });
        var byViewer = await viewer.PostAsJsonAsync($"/api/companies/{company.Id}/employees/{ada}/compensation",
            new { effectiveFrom = "2026-01-01", payType = "salary", annualSalary = 50_000m });
        var badNumber = await client.PatchAsJsonAsync($"/api/companies/{company.Id}/employees/{ada}", new { employeeNumber = "no spaces allowed" });
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees/{ada}/compensation");
        var schedules = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/pay-schedules");

        var s = await badSchedule.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        s.FieldErrors("payDateOffsetDays").ShouldNotBeEmpty();
        (await sameName.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("schedule.name_taken");
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("schedule.not_found");
        (await offPeriod.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("periodStart").ShouldNotBeEmpty();
        (await noPay.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("employees").Single().ShouldContain("E-001");
        var c = await badComp.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        c.FieldErrors("annualSalary").ShouldNotBeEmpty();
        c.FieldErrors("monthlyBase").ShouldNotBeEmpty("a kr member on a us-federal record");
        await byViewer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await badNumber.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("employeeNumber").ShouldNotBeEmpty();
        history.GetProperty("items").GetArrayLength().ShouldBe(0);
        schedules.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<Guid> CreateScheduleAsync(HttpClient client, Guid companyId)
    {
        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/pay-schedules",
            new { name = "Biweekly", frequency = "biweekly", firstPeriodStart = "2026-01-04", payDateOffsetDays = 5 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> HireAsync(HttpClient client, Guid companyId, Guid schedule, string ssn, string number)
    {
        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", new
        {
            firstName = "Ada",
            lastName = number,
            hireDate = "2025-01-01",
            ssn,
            employeeNumber = number,
            payScheduleId = schedule,
            w4 = new { version = "2020", filingStatus = "single" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("payFrequency").GetString().ShouldBe("biweekly");
        return body.GetProperty("id").GetGuid();
    }
}
