using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>New passwords follow NIST SP 800-63B-4; passwords set under the old rule keep working.</summary>
public sealed class PasswordRulesTests
{
    private const string Email = "christopher.r.johnson@acme.test";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddMember_WhenThePasswordBreaksARule_ShouldBe400NamingPasswordWithTheRuleAndCreateNobody(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var admin = await app.CreateClientAsync("company_admin", company.Id);
        var refused = new Dictionary<string, string>
        {
            ["fourteen-chars"] = "user.password_length", // the old rule's 12 to 14 characters are too short now
            [Email] = "user.password_is_email",
            ["Christopher.R.Johnson"] = "user.password_is_email",
            ["aaaaaaaaaaaaaaaaaaaa"] = "user.password_repetitive",
            ["passwordpassword"] = "user.password_repetitive",
            ["1qaz2wsx3edc4rfv"] = "user.password_common",
            ["QazWsxEdcRfvTgb"] = "user.password_common", // the list is checked ignoring case
        };

        foreach (var (password, code) in refused)
        {
            var response = await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users", new { email = Email, role = "viewer", password });
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe([code], password);
            problem.FieldErrors("password").ShouldNotBeEmpty();
        }

        var passphrase = await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users",
            new { email = Email, role = "viewer", password = "tulip lantern orbit casserole" });
        var longest = await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users",
            new { email = "long@acme.test", role = "viewer", password = string.Concat(Enumerable.Range(0, 64).Select(i => (char)('!' + i))) });

        passphrase.StatusCode.ShouldBe(HttpStatusCode.Created);
        longest.StatusCode.ShouldBe(HttpStatusCode.Created, "64 characters and more are allowed");
        (await LoginAsync(app, Email, "tulip lantern orbit casserole")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangePassword_WhenTheNewOneIsTheEmailOrCommon_ShouldBe400NamingNewPasswordAndKeepTheOldOne(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();
        await app.CreateMemberAsync("viewer", company.Id, Email, password);
        var session = await Sessions.SignInAsync(app, Email, password);

        foreach (var (next, code) in new[] { (Email.ToUpperInvariant(), "user.password_is_email"), ("123456789987654321", "user.password_common") })
        {
            var response = await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/auth/password",
                new { currentPassword = password, newPassword = next }).WithCsrf(session.CsrfToken));
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe([code]);
            problem.FieldErrors("newPassword").ShouldNotBeEmpty();
        }

        (await LoginAsync(app, Email, password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SignIn_WhenThePasswordWasSetUnderTheOldTwelveCharacterRule_ShouldStillWork(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await app.CreateMemberAsync("viewer", company.Id, Email, SecretTokens.NewPassword());
        const string old = "twelve-chars";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var hash = scope.ServiceProvider.GetRequiredService<IPasswordHashing>().Hash(old);
            var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE email = @Email", new { hash, Email });
        }

        (await LoginAsync(app, Email, old)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void CommonPasswords_ShouldShipAtLeastOneHundredThousandEntries() =>
        CommonPasswords.Count.ShouldBeGreaterThanOrEqualTo(100_000);

    [Theory]
    [InlineData("short-but-12")]
    [InlineData("admin@localhost")]
    [InlineData("1qaz2wsx3edc4rfv")]
    public async Task Serve_WhenAdminPasswordBreaksARule_ShouldExit2NamingTheVariableWithoutThePassword(string password)
    {
        var outcome = await PayrollProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "sqlite:///" + Path.Combine(Path.GetTempPath(), $"payroll-{Guid.NewGuid():N}.db"),
            ["ADMIN_PASSWORD"] = password,
            ["PORT"] = "0",
        }, TimeSpan.FromSeconds(60));

        outcome.ExitCode.ShouldBe(2);
        outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldContain("ADMIN_PASSWORD");
        outcome.StandardError.ShouldNotContain(password);
    }

    private static Task<HttpResponseMessage> LoginAsync(PayrollApp app, string email, string password) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).PostAsJsonAsync("/api/auth/login", new { email, password });
}
