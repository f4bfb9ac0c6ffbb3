using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>A signed-in user changes their own password in the portal (cookie session, CSRF token).</summary>
public sealed class PasswordChangeTests
{
    private const string Email = "pat@acme.test";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangePassword_WhenTheCurrentOneIsRight_ShouldSwapThePasswordsKeepThisSessionAndEndTheOthers(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var oldPassword = SecretTokens.NewPassword();
        var newPassword = SecretTokens.NewPassword();
        await app.CreateMemberAsync("viewer", company.Id, Email, oldPassword);
        var laptop = await Sessions.SignInAsync(app, Email, oldPassword);
        var phone = await Sessions.SignInAsync(app, Email, oldPassword);

        var changed = await laptop.Client.SendAsync(Change(laptop, oldPassword, newPassword));

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await laptop.Client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await phone.Client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Login(app, oldPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Login(app, newPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var hash = await connection.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE email = @Email", new { Email });
        hash.ShouldNotContain(newPassword);
        var details = await connection.QuerySingleAsync<string>("SELECT details FROM audit_events WHERE action = 'auth.password_changed'");
        JsonDocument.Parse(details).RootElement.GetProperty("sessionsEnded").GetInt32().ShouldBe(1);
        details.ShouldNotContain(newPassword);
        details.ShouldNotContain(oldPassword);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangePassword_WhenTheCurrentOneIsWrongFiveTimes_ShouldNameTheFieldLockTheAccountAndKeepThePassword(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();
        await app.CreateMemberAsync("viewer", company.Id, Email, password);
        var session = await Sessions.SignInAsync(app, Email, password);

        for (var attempt = 1; attempt <= SignIn.MaxFailedLogins; attempt++)
        {
            var wrong = await session.Client.SendAsync(Change(session, "not-the-password", SecretTokens.NewPassword()));
            var problem = await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["auth.current_password_wrong"]);
            problem.GetProperty("errors").TryGetProperty("currentPassword", out _).ShouldBeTrue();
        }

        var locked = await session.Client.SendAsync(Change(session, password, SecretTokens.NewPassword()));

        (await locked.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["auth.locked"]);
        (await Login(app, password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email = @Email AND locked_until IS NOT NULL", new { Email })).ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE action = 'auth.password_change_failed'")).ShouldBe(SignIn.MaxFailedLogins + 1);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE action = 'auth.password_changed'")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangePassword_WhenTheNewOneIsTooShortOrTheSame_ShouldNameNewPasswordAndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();
        await app.CreateMemberAsync("viewer", company.Id, Email, password);
        var session = await Sessions.SignInAsync(app, Email, password);

        var tooShort = await session.Client.SendAsync(Change(session, password, "short"));
        var same = await session.Client.SendAsync(Change(session, password, password));
        var noCsrf = await session.Client.PostAsJsonAsync("/api/auth/password", new { currentPassword = password, newPassword = SecretTokens.NewPassword() });

        (await tooShort.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        (await same.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        await noCsrf.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Login(app, password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Change(Sessions.Session session, string current, string next) =>
        Sessions.Json(HttpMethod.Post, "/api/auth/password", new { currentPassword = current, newPassword = next }).WithCsrf(session.CsrfToken);

    private static Task<HttpResponseMessage> Login(PayrollApp app, string password) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false })
            .PostAsJsonAsync("/api/auth/login", new { email = Email, password });
}
