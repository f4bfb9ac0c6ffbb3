using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The audit page's API (issue 26) over HTTP: the new filters, their refusals, and GET /api/audit/verify's roles.</summary>
public sealed class AuditEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_WhenFilteredByActor_ShouldFindWhatTheUserDidThroughTheirTokenToo(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var (member, token) = await app.CreateMemberAsync("company_admin", company.Id);
        using var memberClient = app.CreateAnonymousClient();
        memberClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await memberClient.PatchAsJsonAsync($"/api/companies/{company.Id}", new { name = "Acme by token" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = app.CreateClient();
        (await admin.PatchAsJsonAsync($"/api/companies/{company.Id}", new { name = "Acme by the admin" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var byMember = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?companyId={company.Id}&action=company.updated&actorId={member.UserId}");
        var byEntity = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=company&entityId={company.Id}&limit=1");

        var events = byMember.GetProperty("items").EnumerateArray().ToArray();
        events.ShouldHaveSingleItem().GetProperty("actor").GetString().ShouldStartWith(member.Email + " (token ");
        events[0].GetProperty("details").GetProperty("name").GetString().ShouldBe("Acme by token");
        byEntity.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("action").GetString().ShouldBe("company.created");
        byEntity.GetProperty("nextCursor").GetString().ShouldNotBeNullOrEmpty("three events concern the company, one per page");
    }

    [Theory]
    [InlineData("entityType=Company%20X", "entityType")]
    [InlineData("entityId=not-a-guid", "entityId")]
    [InlineData("actorId=42", "actorId")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task List_WhenAFilterIsMalformed_ShouldAnswer400NamingIt(string filter, string field)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync($"/api/audit?{filter}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_ShouldAnswerTheAdministratorOnly(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var companyAdmin = await app.CreateClientAsync("company_admin", company.Id);
        var viewer = await app.CreateClientAsync("viewer", company.Id);

        var report = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/audit/verify");
        var refusedAdmin = await companyAdmin.GetAsync("/api/audit/verify");
        var refusedViewer = await viewer.GetAsync("/api/audit/verify");
        var anonymous = await app.CreateAnonymousClient().GetAsync("/api/audit/verify");

        report.GetProperty("isIntact").GetBoolean().ShouldBeTrue();
        report.GetProperty("events").GetInt64().ShouldBeGreaterThan(0);
        report.GetProperty("chains").GetInt32().ShouldBeGreaterThan(0);
        report.GetProperty("problems").GetArrayLength().ShouldBe(0);
        report.GetProperty("firstProblem").ValueKind.ShouldBe(JsonValueKind.Null);
        (await refusedAdmin.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("auth.forbidden");
        await refusedViewer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
