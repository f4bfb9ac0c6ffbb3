using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>Portal sign-in: the session cookie, /me, logout that really ends the session, and CSRF that really blocks.</summary>
public sealed class SessionTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_WhenCredentialsAreRight_ShouldSetAnHttpOnlyLaxCookieAndReturnTheUserMembershipsAndCsrfToken(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await app.CreateMemberAsync("payroll_manager", company.Id, "Pat@Example.com", "correct horse battery");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = " pat@example.COM ", password = "correct horse battery" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldStartWith("payroll_session=");
        cookie.ToLowerInvariant().ShouldContain("httponly");
        cookie.ToLowerInvariant().ShouldContain("samesite=lax");
        cookie.ToLowerInvariant().ShouldContain("path=/");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("user").GetProperty("email").GetString().ShouldBe("pat@example.com");
        body.GetProperty("user").GetProperty("isAdmin").GetBoolean().ShouldBeFalse();
        var membership = body.GetProperty("memberships").EnumerateArray().Single();
        membership.GetProperty("companyId").GetGuid().ShouldBe(company.Id);
        membership.GetProperty("companyName").GetString().ShouldBe(company.Name);
        membership.GetProperty("role").GetString().ShouldBe("payroll_manager");
        body.GetProperty("csrfToken").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(43);

        var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Add("Cookie", cookie.Split(';')[0]);
        var meResponse = await client.SendAsync(me);
        meResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var meBody = await meResponse.Content.ReadFromJsonAsync<JsonElement>();
        meBody.GetProperty("user").GetProperty("email").GetString().ShouldBe("pat@example.com");
        meBody.GetProperty("csrfToken").GetString().ShouldBe(body.GetProperty("csrfToken").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sessions")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_WhenEmailIsUnknownOrPasswordWrong_ShouldAnswerTheSame401(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateAnonymousClient();

        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "whatever password" });
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = PayrollApp.AdminEmail, password = "whatever password" });

        var unknownProblem = await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var wrongProblem = await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        foreach (var field in new[] { "type", "title", "detail", "code" })
        {
            wrongProblem.GetProperty(field).GetString().ShouldBe(unknownProblem.GetProperty(field).GetString(), field);
        }

        unknown.Headers.Contains("Set-Cookie").ShouldBeFalse();
        wrong.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Logout_WhenSignedIn_ShouldEndTheSessionServerSideSoTheCopiedCookieNoLongerWorks(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var session = await Sessions.SignInAsync(app, PayrollApp.AdminEmail, TestKeys.AdminPassword);
        (await session.Client.GetAsync("/api/companies")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var logout = await session.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout").WithCsrf(session.CsrfToken));

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var replayed = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        replayed.DefaultRequestHeaders.Add("Cookie", session.Cookie);
        await (await replayed.GetAsync("/api/companies")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await replayed.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CookieWrite_WhenPostedCrossOriginWithoutTheCsrfToken_ShouldBe403AndWriteNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var session = await Sessions.SignInAsync(app, PayrollApp.AdminEmail, TestKeys.AdminPassword);

        // What a forged form or fetch from another site sends: the browser attaches the cookie, but cannot read the token.
        var forged = Sessions.Json(HttpMethod.Post, "/api/companies", new { name = "Forged", slug = "forged" });
        forged.Headers.Add("Origin", "https://evil.example");
        var forgedResponse = await session.Client.SendAsync(forged);
        var wrongToken = await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/companies", new { name = "Forged", slug = "forged" }).WithCsrf("not-the-token"));
        var genuine = await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/companies", new { name = "Real", slug = "real" }).WithCsrf(session.CsrfToken));

        var problem = await forgedResponse.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("type").GetString().ShouldBe("https://payrollportal.dev/problems/csrf-token-invalid");
        await wrongToken.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        genuine.StatusCode.ShouldBe(HttpStatusCode.Created);
        var slugs = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/companies")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("slug").GetString()).ToArray();
        slugs.ShouldBe(["real"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Requests_WhenNotAuthenticated_ShouldBe401ExceptThePublicEndpoints(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var anonymous = app.CreateAnonymousClient();

        await (await anonymous.GetAsync("/api/companies")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/companies", new { name = "X", slug = "xyz" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var badToken = app.CreateAnonymousClient();
        badToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ppt_not-a-token");
        var refused = await badToken.GetAsync("/api/companies");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");

        foreach (var path in new[] { "/api/livez", "/api/readyz", "/api/healthz", "/api/meta", "/openapi/v1.json" })
        {
            (await anonymous.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }
}
