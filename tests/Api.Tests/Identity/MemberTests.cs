using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>A company admin manages the company's members: lists them, changes a role, removes one.</summary>
public sealed class MemberTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Members_WhenListedByTheCompanyAdmin_ShouldShowEveryMemberByEmailWithRoleAndNoOtherCompanysMembers(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var (admin, adminToken) = await app.CreateMemberAsync("company_admin", company.Id, "carol@acme.test");
        await app.CreateMemberAsync("viewer", company.Id, "alice@acme.test");
        await app.CreateMemberAsync("payroll_manager", company.Id, "bob@acme.test");
        await app.CreateMemberAsync("company_admin", other.Id, "dave@other.test");

        var members = await Bearer(app, adminToken).GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/users");

        members.EnumerateArray().Select(m => (m.GetProperty("email").GetString(), m.GetProperty("role").GetString())).ShouldBe(
        [
            ("alice@acme.test", "viewer"),
            ("bob@acme.test", "payroll_manager"),
            ("carol@acme.test", "company_admin"),
        ]);
        members[2].GetProperty("userId").GetGuid().ShouldBe(admin.UserId!.Value);
        members[2].GetProperty("since").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangeRole_WhenAViewerBecomesPayrollManager_ShouldLetTheirOpenSessionWriteAtOnceAndAuditTheChange(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var (_, adminToken) = await app.CreateMemberAsync("company_admin", company.Id);
        var password = TestKeys.AdminPassword;
        var (member, _) = await app.CreateMemberAsync("viewer", company.Id, "pat@acme.test", password);
        var session = await Sessions.SignInAsync(app, "pat@acme.test", password);
        var hire = new { firstName = "Lee", lastName = "Park", ssn = "123-45-6789", hireDate = "2026-01-05", payFrequency = "monthly", w4 = new { version = "2020", filingStatus = "single" } };
        HttpRequestMessage Hire() => Sessions.Json(HttpMethod.Post, $"/api/companies/{company.Id}/employees", hire).WithCsrf(session.CsrfToken);
        await (await session.Client.SendAsync(Hire())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var changed = await Bearer(app, adminToken).PatchAsJsonAsync($"/api/companies/{company.Id}/users/{member.UserId}", new { role = "payroll_manager" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString().ShouldBe("payroll_manager");
        (await session.Client.SendAsync(Hire())).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.QuerySingleAsync<string>("SELECT role FROM memberships WHERE user_id = @id", new { id = member.UserId })).ShouldBe("payroll_manager");
        var audit = await connection.QuerySingleAsync<string>(
            "SELECT details FROM audit_events WHERE action = 'membership.changed' AND target_id = @id", new { id = member.UserId!.Value.ToString("D") });
        var details = JsonDocument.Parse(audit).RootElement;
        (details.GetProperty("from").GetString(), details.GetProperty("to").GetString()).ShouldBe(("viewer", "payroll_manager"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Remove_WhenAMemberIsRemoved_ShouldEndTheirAccessAtOnceRevokeTheirTokensForTheCompanyAndKeepTheAccount(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var (_, adminToken) = await app.CreateMemberAsync("company_admin", company.Id);
        var (member, memberToken) = await app.CreateMemberAsync("payroll_manager", company.Id, "pat@acme.test");
        var memberClient = Bearer(app, memberToken);
        (await memberClient.GetAsync($"/api/companies/{company.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var removed = await Bearer(app, adminToken).DeleteAsync($"/api/companies/{company.Id}/users/{member.UserId}");

        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await memberClient.GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM memberships WHERE user_id = @id", new { id = member.UserId })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM api_tokens WHERE user_id = @id AND revoked_at IS NULL", new { id = member.UserId })).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE id = @id", new { id = member.UserId })).ShouldBe(1);
        var audit = await connection.QuerySingleAsync<string>(
            "SELECT details FROM audit_events WHERE action = 'membership.removed' AND target_id = @id", new { id = member.UserId!.Value.ToString("D") });
        JsonDocument.Parse(audit).RootElement.GetProperty("revokedTokens").GetInt32().ShouldBe(1);
        await (await Bearer(app, adminToken).DeleteAsync($"/api/companies/{company.Id}/users/{member.UserId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LastCompanyAdmin_WhenDemotedOrRemoved_ShouldBe409AndKeepTheRoleUntilAnotherAdminExists(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var (first, firstToken) = await app.CreateMemberAsync("company_admin", company.Id);
        var firstClient = Bearer(app, firstToken);

        var demoted = await firstClient.PatchAsJsonAsync($"/api/companies/{company.Id}/users/{first.UserId}", new { role = "viewer" });
        var removed = await firstClient.DeleteAsync($"/api/companies/{company.Id}/users/{first.UserId}");

        (await demoted.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("member.last_company_admin");
        (await removed.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("member.last_company_admin");
        (await firstClient.GetAsync($"/api/companies/{company.Id}/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (second, _) = await app.CreateMemberAsync("company_admin", company.Id);
        (await firstClient.PatchAsJsonAsync($"/api/companies/{company.Id}/users/{second.UserId}", new { role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await firstClient.DeleteAsync($"/api/companies/{company.Id}/users/{first.UserId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("member.last_company_admin");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangeRole_WhenTheRoleIsUnknownOrTheUserIsNoMember_ShouldNameTheProblemAndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var (_, adminToken) = await app.CreateMemberAsync("company_admin", company.Id);
        var (member, _) = await app.CreateMemberAsync("viewer", company.Id);
        var (outsider, _) = await app.CreateMemberAsync("viewer", other.Id);
        var admin = Bearer(app, adminToken);

        var badRole = await admin.PatchAsJsonAsync($"/api/companies/{company.Id}/users/{member.UserId}", new { role = "admin" });
        var noMember = await admin.PatchAsJsonAsync($"/api/companies/{company.Id}/users/{outsider.UserId}", new { role = "viewer" });

        (await badRole.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("role", out _).ShouldBeTrue();
        await noMember.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.QuerySingleAsync<string>("SELECT role FROM memberships WHERE user_id = @id", new { id = member.UserId })).ShouldBe("viewer");
        (await connection.QuerySingleAsync<string>("SELECT role FROM memberships WHERE user_id = @id", new { id = outsider.UserId })).ShouldBe("viewer");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Add_WhenTheEmailAlreadyHasAnAccount_ShouldJoinItToTheCompanyWithItsOwnPasswordAndRoleThere(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var acme = await app.CompanyAsync("acme");
        var globex = await app.CompanyAsync("globex");
        var password = TestKeys.AdminPassword;
        var (pat, _) = await app.CreateMemberAsync("payroll_manager", acme.Id, "pat@acme.test", password);
        var (_, globexAdminToken) = await app.CreateMemberAsync("company_admin", globex.Id);
        var globexAdmin = Bearer(app, globexAdminToken);
        var members = $"/api/companies/{globex.Id}/users";

        var joined = await globexAdmin.PostAsJsonAsync(members, new { email = " Pat@ACME.test ", role = "viewer" });

        joined.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await joined.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("id").GetGuid().ShouldBe(pat.UserId!.Value);
        body.GetProperty("existingAccount").GetBoolean().ShouldBeTrue();
        body.GetProperty("role").GetString().ShouldBe("viewer");
        body.GetProperty("generatedPassword").ValueKind.ShouldBe(JsonValueKind.Null);

        // One sign-in, its own password, a role per company.
        var session = await Sessions.SignInAsync(app, "pat@acme.test", password);
        (await session.Client.GetAsync($"/api/companies/{globex.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var hire = new { firstName = "Lee", lastName = "Park", ssn = "123-45-6789", hireDate = "2026-01-05", payFrequency = "monthly", w4 = new { version = "2020", filingStatus = "single" } };
        (await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, $"/api/companies/{acme.Id}/employees", hire).WithCsrf(session.CsrfToken)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, $"/api/companies/{globex.Id}/employees", hire).WithCsrf(session.CsrfToken)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Again, with a password (someone else's account must not be re-keyed), or as the global administrator: 409, nothing changes.
        var again = await globexAdmin.PostAsJsonAsync(members, new { email = "pat@acme.test", role = "company_admin" });
        var withPassword = await globexAdmin.PostAsJsonAsync(members, new { email = "pat@acme.test", role = "viewer", password = "a-new-password-123" });
        var intoAcme = await Bearer(app, (await app.CreateMemberAsync("company_admin", acme.Id)).Token)
            .PostAsJsonAsync($"/api/companies/{acme.Id}/users", new { email = "pat@acme.test", role = "viewer", password = "a-new-password-123" });
        var globalAdmin = await globexAdmin.PostAsJsonAsync(members, new { email = PayrollApp.AdminEmail, role = "viewer" });

        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("member.already_member");
        var refused = await withPassword.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe("user.email_taken");
        refused.GetProperty("detail").GetString()!.ShouldContain("without a password");
        (await intoAcme.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("user.email_taken");
        (await globalAdmin.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("member.global_admin");
        (await app.CreateAnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "pat@acme.test", password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.QueryAsync<string>("SELECT role FROM memberships WHERE user_id = @id ORDER BY role", new { id = pat.UserId }))
            .ShouldBe(["payroll_manager", "viewer"]);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email = 'pat@acme.test'")).ShouldBe(1);
        var audit = await connection.QuerySingleAsync<(string CompanyId, string Details)>(
            "SELECT CAST(company_id AS TEXT), details FROM audit_events WHERE action = 'membership.added' AND target_id = @id", new { id = pat.UserId!.Value.ToString("D") });
        Guid.Parse(audit.CompanyId).ShouldBe(globex.Id);
        var details = JsonDocument.Parse(audit.Details).RootElement;
        (details.GetProperty("email").GetString(), details.GetProperty("role").GetString()).ShouldBe(("pat@acme.test", "viewer"));
    }

    private static HttpClient Bearer(PayrollApp app, string token)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
