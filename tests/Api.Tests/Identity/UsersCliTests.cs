using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Cli;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>The operator's <c>payroll users</c> verbs against the running app's database, as in the runbook.</summary>
public sealed class UsersCliTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersCreate_WhenGivenACompanySlugAndAPasswordOnStdin_ShouldCreateAMemberWhoCanSignIn(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();

        var created = await RunAsync(app, password + "\n", "users", "create", "--email", "Pat@Acme.test", "--role", "payroll_manager", "--company", "acme", "--password-stdin");
        var taken = await RunAsync(app, null, "users", "create", "--email", "pat@acme.test", "--role", "viewer", "--company", "acme");
        var noCompany = await RunAsync(app, null, "users", "create", "--email", "lee@acme.test", "--role", "viewer", "--company", "nope");
        var second = await app.CompanyAsync("globex");
        var joined = await RunAsync(app, null, "users", "create", "--email", "PAT@acme.test", "--role", "viewer", "--company", "globex");

        created.ExitCode.ShouldBe(CliExitCodes.Ok, created.Error);
        created.Output.ShouldContain("created user pat@acme.test (payroll_manager of company " + company.Id);
        created.Output.ShouldNotContain(password);
        created.Output.ShouldNotContain("password:"); // nothing generated when one was given
        taken.ExitCode.ShouldBe(CliExitCodes.Refused);
        noCompany.ExitCode.ShouldBe(CliExitCodes.Usage);
        noCompany.Error.ShouldContain("'nope'");
        joined.ExitCode.ShouldBe(CliExitCodes.Ok, joined.Error);
        joined.Output.ShouldContain($"added existing user pat@acme.test to company {second.Id} as viewer");
        joined.Output.ShouldNotContain("password:");
        (await LoginAsync(app, "pat@acme.test", password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersSetPassword_WhenALockedOutUserForgotTheirPassword_ShouldUnlockSetANewOneAndEndTheirSessions(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var forgotten = SecretTokens.NewPassword();
        await app.CreateMemberAsync("company_admin", company.Id, "pat@acme.test", forgotten);
        var oldSession = await Sessions.SignInAsync(app, "pat@acme.test", forgotten);
        for (var attempt = 0; attempt < SignIn.MaxFailedLogins; attempt++)
        {
            await LoginAsync(app, "pat@acme.test", "a wrong password");
        }

        (await LoginAsync(app, "pat@acme.test", forgotten)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // locked

        var set = await RunAsync(app, null, "users", "set-password", "--email", "pat@acme.test");
        var unknown = await RunAsync(app, null, "users", "set-password", "--email", "nobody@acme.test");
        var empty = await RunAsync(app, "\n", "users", "set-password", "--email", "pat@acme.test", "--password-stdin");

        set.ExitCode.ShouldBe(CliExitCodes.Ok, set.Error);
        set.Output.ShouldContain("1 session(s) ended");
        var generated = set.Output.Split('\n').Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..].Split(' ')[0];
        generated.Length.ShouldBeGreaterThanOrEqualTo(Passwords.MinLength);
        unknown.ExitCode.ShouldBe(CliExitCodes.Usage);
        unknown.Error.ShouldContain("No user has this email");
        empty.ExitCode.ShouldBe(CliExitCodes.Usage);
        (await LoginAsync(app, "pat@acme.test", generated)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(app, "pat@acme.test", forgotten)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await oldSession.Client.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var audit = await connection.QuerySingleAsync<string>("SELECT details FROM audit_events WHERE action = 'auth.password_set_by_operator'");
        audit.ShouldNotContain(generated);
    }

    private static Task<HttpResponseMessage> LoginAsync(PayrollApp app, string email, string password) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).PostAsJsonAsync("/api/auth/login", new { email, password });

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(PayrollApp app, string? stdin, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = app.Database.Url,
            ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
            ["DATA_DIR"] = Path.Combine(Path.GetTempPath(), "payroll-tests", "cli-" + Guid.NewGuid().ToString("N")),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PayrollCli.RunAsync(args, new CliContext(configuration, output, error, stdin is null ? null : new StringReader(stdin)), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
