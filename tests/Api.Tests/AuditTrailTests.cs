using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Cli;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Audit;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The audit trail: one chained event per successful command, readable through the API, and tamper-evident.</summary>
public sealed class AuditTrailTests
{
    private const string Ssn = "123-45-6789";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Commands_WhenEachSucceeds_ShouldRecordOneChainedEventCarryingItsRequestIdAndNoSsn(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var company = await SendAsync(client, HttpMethod.Post, "/api/companies", "req-1", """{"name":"Acme","slug":"acme"}""", key: "create-acme");
        var companyId = company.GetProperty("id").GetString();
        await SendAsync(client, HttpMethod.Patch, $"/api/companies/{companyId}", "req-2", """{"ein":"12-3456789"}""");
        var employee = await SendAsync(client, HttpMethod.Post, $"/api/companies/{companyId}/employees", "req-3",
            $$$"""{"firstName":"Ada","lastName":"Lovelace","ssn":"{{{Ssn}}}","hireDate":"2024-01-01","payFrequency":"monthly","w4":{"version":"2020","filingStatus":"single"}}""");
        var employeeId = employee.GetProperty("id").GetString();
        await SendAsync(client, HttpMethod.Patch, $"/api/companies/{companyId}/employees/{employeeId}", "req-4", """{"ssn":"234-56-7890"}""");
        var payroll = await SendAsync(client, HttpMethod.Post, $"/api/companies/{companyId}/payrolls", "req-5", HttpRequests.PayrollBody(Guid.Parse(employeeId!)));
        var payrollUrl = $"/api/companies/{companyId}/payrolls/{payroll.GetProperty("id").GetString()}";
        await SendAsync(client, HttpMethod.Put, payrollUrl + "/lines", "req-6", $$"""{"lines":[{"employeeId":"{{employeeId}}","grossWages":6000.00}]}""");
        await SendAsync(client, HttpMethod.Post, payrollUrl + "/approve", "req-7", "{}");
        await SendAsync(client, HttpMethod.Post, payrollUrl + "/void", "req-8", """{"reason":"Wrong month"}""");
        var refused = await client.PostAsJsonAsync("/api/companies", new { name = "Again", slug = "acme" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/audit?companyId={companyId}");
        var events = page.GetProperty("items").EnumerateArray().ToArray();
        events.Select(e => e.GetProperty("action").GetString()).ShouldBe([
            "company.created", "company.updated", "employee.created", "employee.updated",
            "payroll.created", "payroll.lines_replaced", "payroll.approved", "payroll.voided"]);
        events.Select(e => e.GetProperty("requestId").GetString()).ShouldBe(["req-1", "req-2", "req-3", "req-4", "req-5", "req-6", "req-7", "req-8"]);
        events.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe([1L, 2, 3, 4, 5, 6, 7, 8]);
        events.ShouldAllBe(e => e.GetProperty("actor").GetString()!.StartsWith(PayrollApp.AdminEmail + " (token ", StringComparison.Ordinal));
        events[0].GetProperty("idempotencyKey").GetString().ShouldBe("create-acme");
        events[1].GetProperty("details").GetProperty("ein").GetString().ShouldBe("12-3456789");
        events[3].GetProperty("details").GetProperty("ssn").GetString().ShouldBe("changed");
        var text = page.GetRawText();
        foreach (var ssn in new[] { Ssn, "234-56-7890" })
        {
            text.ShouldNotContain(ssn);
            text.ShouldNotContain(ssn.Replace("-", string.Empty, StringComparison.Ordinal));
        }

        (await VerifyAsync(app)).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_WhenFilteredAndPaged_ShouldReturnMatchingEventsInOrder(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        foreach (var slug in new[] { "one", "two", "three" })
        {
            var id = (await SendAsync(client, HttpMethod.Post, "/api/companies", $"create-{slug}", $$"""{"name":"{{slug}}","slug":"{{slug}}"}""")).GetProperty("id").GetString();
            await SendAsync(client, HttpMethod.Patch, $"/api/companies/{id}", $"rename-{slug}", """{"name":"Renamed"}""");
        }

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/audit?action=company.created&limit=2&from={Uri.EscapeDataString(before.ToString("O"))}");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/audit?action=company.created&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var future = await client.GetFromJsonAsync<JsonElement>($"/api/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");
        var badCursor = await client.GetAsync("/api/audit?cursor=nonsense");

        first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("requestId").GetString()).ShouldBe(["create-one", "create-two"]);
        second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("requestId").GetString()).ShouldBe(["create-three"]);
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        future.GetProperty("items").GetArrayLength().ShouldBe(0);
        await badCursor.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_WhenOneEventIsEdited_ShouldFailNamingThatEvent(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await CompanyWithHistoryAsync(client, "acme");
        await CompanyWithHistoryAsync(client, "other");
        var victim = await EventIdAsync(client, companyId, 2);

        await using (var connection = await app.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE audit_events SET details = '{\"name\":\"Someone else\"}' WHERE id = @victim", new { victim });
        }

        var report = await VerifyAsync(app);
        report.IsIntact.ShouldBeFalse();
        report.Problems[0].ShouldContain(victim.ToString());
        report.Problems[0].ShouldContain("altered");
        var cli = await RunCliAsync(app, "audit", "verify");
        cli.ExitCode.ShouldBe(1);
        cli.Error.ShouldContain(victim.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_WhenAnEventIsDeleted_ShouldNameTheMissingLink(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await CompanyWithHistoryAsync(client, "acme");
        var middle = await EventIdAsync(client, companyId, 2);
        var intact = await RunCliAsync(app, "audit", "verify");

        await using (var connection = await app.Database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM audit_events WHERE id = @middle", new { middle });
        }

        intact.ExitCode.ShouldBe(0);
        intact.Output.ShouldContain("every link intact");
        var report = await VerifyAsync(app);
        report.Problems[0].ShouldStartWith($"missing link: chain {companyId} has no event 2");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_WhenTheNewestEventIsDeleted_ShouldNoticeTheShortenedChain(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await CompanyWithHistoryAsync(client, "acme");
        var last = await EventIdAsync(client, companyId, 3);

        await using (var connection = await app.Database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM audit_events WHERE id = @last", new { last });
        }

        var report = await VerifyAsync(app);
        report.Problems.ShouldHaveSingleItem().ShouldBe($"missing link: chain {companyId} ends at event 2 but its head records 3 (events 3..3 were removed)");
    }

    private static async Task<string> CompanyWithHistoryAsync(HttpClient client, string slug)
    {
        var id = (await SendAsync(client, HttpMethod.Post, "/api/companies", $"create-{slug}", $$"""{"name":"{{slug}}","slug":"{{slug}}"}""")).GetProperty("id").GetString()!;
        await SendAsync(client, HttpMethod.Patch, $"/api/companies/{id}", $"rename-{slug}", """{"name":"Renamed"}""");
        await SendAsync(client, HttpMethod.Patch, $"/api/companies/{id}", $"ein-{slug}", """{"ein":"12-3456789"}""");
        return id;
    }

    private static async Task<Guid> EventIdAsync(HttpClient client, string companyId, long sequence)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/audit?companyId={companyId}");
        return page.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("sequence").GetInt64() == sequence).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, string requestId, string json, string? key = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-ID", requestId);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<PayrollPortal.Application.Audit.AuditVerificationReport> VerifyAsync(PayrollApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(default);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(PayrollApp app, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = app.Database.Url }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PayrollCli.RunAsync(args, new CliContext(configuration, output, error), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
