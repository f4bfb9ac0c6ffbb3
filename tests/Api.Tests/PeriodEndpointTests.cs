using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The period close and closings contract over HTTP: paths, statuses, roles and problem+json.</summary>
public sealed class PeriodEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CloseAndReopen_OverHttp_ShouldAnswerWithThePeriodAndRefuseWritesWith409(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync("acme");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var payroll = await PostPayrollAsync(client, company.Id, ada.Id, "2026-03-25");
        var draftRefusal = await client.PostAsync($"/api/companies/{company.Id}/periods/2026-03/close", null);
        (await client.PostAsync($"/api/companies/{company.Id}/payrolls/{payroll}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var closed = await client.PostAsync($"/api/companies/{company.Id}/periods/2026-03/close", null);
        var refused = await client.PostAsJsonAsync($"/api/companies/{company.Id}/payrolls/{payroll}/void", new { reason = "Paid twice" });
        var period = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/periods/2026-03");
        var noReason = await client.PostAsJsonAsync($"/api/companies/{company.Id}/periods/2026-03/reopen", new { });
        var reopened = await client.PostAsJsonAsync($"/api/companies/{company.Id}/periods/2026-03/reopen", new { reason = "Correcting a bonus" });

        var drafts = await draftRefusal.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        drafts.GetProperty("code").GetString().ShouldBe("period.drafts_open");
        drafts.GetProperty("detail").GetString()!.ShouldContain(payroll.ToString());
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var body = await closed.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("month").GetString(), body.GetProperty("status").GetString(), body.GetProperty("approved").GetInt32()).ShouldBe(("2026-03", "closed", 1));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("period.closed");
        period.GetProperty("status").GetString().ShouldBe("closed");
        period.GetProperty("closedBy").GetString()!.ShouldStartWith(PayrollApp.AdminEmail, Case.Sensitive, "the actor as the audit trail names it");
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();
        reopened.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("in_progress");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Close_ByAViewerOrAPayrollManagerOrAnotherCompany_ShouldBeRefusedAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var viewer = await app.CreateClientAsync("viewer", company.Id);
        var manager = await app.CreateClientAsync("payroll_manager", company.Id);
        var outsider = await app.CreateClientAsync("company_admin", other.Id);
        var companyAdmin = await app.CreateClientAsync("company_admin", company.Id);

        (await (await viewer.PostAsync($"/api/companies/{company.Id}/periods/2026-03/close", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("auth.forbidden");
        await (await manager.PostAsync($"/api/companies/{company.Id}/periods/2026-03/close", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.PostAsync($"/api/companies/{company.Id}/periods/2026-03/close", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await viewer.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/periods/2026-03")).GetProperty("status").GetString().ShouldBe("none");
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/periods/2026-03")).GetProperty("status").GetString().ShouldBe("none");

        var closedByCompanyAdmin = await companyAdmin.PostAsync($"/api/companies/{company.Id}/periods/2026-04/close", null);
        closedByCompanyAdmin.StatusCode.ShouldBe(HttpStatusCode.OK, "a company admin closes even a month without payrolls");
        (await manager.PostAsJsonAsync($"/api/companies/{company.Id}/periods/2026-04/reopen", new { reason = "A payroll manager tries" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CreateClient().PostAsJsonAsync($"/api/companies/{company.Id}/periods/2026-04/reopen", new { reason = "The global admin reopens" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Closings_ShouldBeForTheGlobalAdministratorAndNameABadMonth(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var companyAdmin = await app.CreateClientAsync("company_admin", company.Id);
        var admin = app.CreateClient();

        var forbidden = await companyAdmin.GetAsync("/api/closings?from=2026-01&to=2026-03");
        var badMonth = await admin.GetAsync("/api/closings?from=2026-1&to=2026-03");
        var filled = await admin.GetFromJsonAsync<JsonElement>($"/api/closings?from=2026-01&to=2026-03&companyId={company.Id}");

        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await badMonth.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("from").ShouldHaveSingleItem().ShouldContain("yyyy-MM");
        var items = filled.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("month").GetString()).ShouldBe(["2026-01", "2026-02", "2026-03"]);
        items.ShouldAllBe(i => i.GetProperty("status").GetString() == "none" && i.GetProperty("companyName").GetString() == "Company acme");
        filled.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static async Task<Guid> PostPayrollAsync(HttpClient client, Guid companyId, Guid employeeId, string payDate)
    {
        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", new
        {
            periodStart = payDate[..8] + "01",
            periodEnd = payDate,
            payDate,
            payFrequency = "monthly",
            lines = new[] { new { employeeId, grossWages = 5000m } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
