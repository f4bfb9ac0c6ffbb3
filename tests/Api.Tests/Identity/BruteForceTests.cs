using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>Lockout after five failures, the per-IP rate limit, and the audit events both leave.</summary>
public sealed class BruteForceTests
{
    private const string Password = "correct horse battery";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_WhenFiveWrongPasswordsInARow_ShouldLockTheAccountSoEvenTheRightPasswordGetsTheSame401(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await app.CreateMemberAsync("viewer", company.Id, "pat@example.com", Password);
        await app.CreateMemberAsync("viewer", company.Id, "sam@example.com", Password);
        var client = app.CreateAnonymousClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await client.PostAsJsonAsync("/api/auth/login", new { email = "pat@example.com", password = $"wrong {attempt}" }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = "pat@example.com", password = Password });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = Password });
        var other = await client.PostAsJsonAsync("/api/auth/login", new { email = "sam@example.com", password = Password });

        var lockedProblem = await locked.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unknownProblem = await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        lockedProblem.GetProperty("detail").GetString().ShouldBe(unknownProblem.GetProperty("detail").GetString());
        locked.Headers.Contains("Set-Cookie").ShouldBeFalse();
        other.StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var lockedUntil = await connection.QuerySingleAsync<DateTimeOffset>("SELECT locked_until FROM users WHERE email = 'pat@example.com'");
        lockedUntil.ShouldBe(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        var actions = (await connection.QueryAsync<string>(
            "SELECT action FROM audit_events WHERE chain = 'security' ORDER BY seq")).ToArray();
        actions.Count(a => a == "auth.login_failed").ShouldBe(7); // five wrong, one while locked, one unknown email
        actions.Count(a => a == "auth.locked_out").ShouldBe(1);
        actions.Count(a => a == "auth.login_succeeded").ShouldBe(1);
        var reasons = (await connection.QueryAsync<string>(
            "SELECT details FROM audit_events WHERE action = 'auth.login_failed' ORDER BY seq")).Select(d => JsonDocument.Parse(d).RootElement.GetProperty("reason").GetString()).ToArray();
        reasons.ShouldBe(["wrong_password", "wrong_password", "wrong_password", "wrong_password", "wrong_password", "locked", "unknown_email"]);
        (await connection.QueryAsync<string>("SELECT details FROM audit_events")).ShouldAllBe(d => !d.Contains(Password) && !d.Contains("wrong 1"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_WhenOneAddressExceedsTheRateLimit_ShouldAnswer429WithRetryAfter(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "3" });
        var client = app.CreateAnonymousClient();

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/auth/login", new { email = PayrollApp.AdminEmail, password = attempt == 3 ? TestKeys.AdminPassword : "wrong password" }));
        }

        answers.Take(3).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var limited = await answers[3].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.GetProperty("type").GetString().ShouldBe("https://payrollportal.dev/problems/rate-limited");
        int.Parse(answers[3].Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        answers[3].Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await client.GetAsync("/api/livez")).StatusCode.ShouldBe(HttpStatusCode.OK); // only sign-in is limited
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Requests_WhenDenied_ShouldLeaveAnAuditEventInTheSecurityChainAndVerifyStillPasses(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var acme = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var viewer = await app.CreateClientAsync("viewer", acme.Id);

        await (await viewer.GetAsync($"/api/companies/{other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewer.PatchAsJsonAsync($"/api/companies/{acme.Id}", new { name = "Mine now" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var denials = (await connection.QueryAsync<(string CompanyId, string Details, string Actor)>(
            "SELECT CAST(company_id AS TEXT), details, actor FROM audit_events WHERE action = 'auth.access_denied' AND chain = 'security' ORDER BY seq")).ToArray();
        denials.Length.ShouldBe(2);
        Guid.Parse(denials[0].CompanyId).ShouldBe(other.Id);
        denials[0].Details.ShouldContain("\"message\":\"GetCompany\"");
        denials[0].Details.ShouldContain("\"outcome\":\"NotFound\"");
        Guid.Parse(denials[1].CompanyId).ShouldBe(acme.Id);
        denials[1].Details.ShouldContain("\"outcome\":\"Forbidden\"");
        denials.ShouldAllBe(d => d.Actor.StartsWith("viewer-", StringComparison.Ordinal));
        var verifier = scope.ServiceProvider.GetRequiredService<PayrollPortal.Infrastructure.Persistence.Audit.AuditVerifier>();
        (await verifier.VerifyAsync(CancellationToken.None)).Problems.ShouldBeEmpty();
    }
}
