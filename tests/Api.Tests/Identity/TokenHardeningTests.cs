using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Cli;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>
/// A leaked token stays a bounded leak: it cannot mint tokens or revoke its owner's others, and its owner can see and revoke
/// every token they hold, from the portal, with a password change, or through the operator.
/// </summary>
public sealed class TokenHardeningTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Token_WhenUsedToMintATokenOrRevokeAnother_ShouldBe403AndLeaveTheOtherWorking(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();
        var (_, leakedToken) = await app.CreateMemberAsync("payroll_manager", company.Id, "pat@acme.test", password);
        var session = await Sessions.SignInAsync(app, "pat@acme.test", password);
        var managerToken = await CreateTokenAsync(session, company.Id, "payroll_manager");
        var leaked = Bearer(app, leakedToken);

        var minted = await leaked.PostAsJsonAsync("/api/tokens", new { name = "persist", companyId = company.Id, role = "viewer", expiresAt = DateTimeOffset.UtcNow.AddDays(365) });
        var revokedOther = await leaked.DeleteAsync($"/api/tokens/{managerToken.Id}");
        var revokedAll = await leaked.DeleteAsync("/api/tokens");

        (await minted.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("auth.session_required");
        await revokedOther.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await revokedAll.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Bearer(app, managerToken.Token).GetAsync($"/api/companies/{company.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ownId = (await leaked.GetFromJsonAsync<JsonElement>("/api/tokens")).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("id").GetGuid()).Single(id => id != managerToken.Id);
        (await leaked.DeleteAsync($"/api/tokens/{ownId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent); // a token may revoke itself
        await (await leaked.GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM api_tokens WHERE name = 'persist'")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListTokens_WhenTheOwnerHasSeveral_ShouldShowOnlyTheirWorkingTokensWithLastUseAndSource(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();
        await app.CreateMemberAsync("viewer", company.Id, "pat@acme.test", password);
        await app.CreateMemberAsync("viewer", company.Id); // someone else's token stays out of the list
        var session = await Sessions.SignInAsync(app, "pat@acme.test", password);
        var used = await CreateTokenAsync(session, company.Id, "viewer", "sync");
        var revoked = await CreateTokenAsync(session, company.Id, "viewer", "old");
        (await Bearer(app, used.Token).GetAsync($"/api/companies/{company.Id}")).EnsureSuccessStatusCode();
        (await session.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/tokens/{revoked.Id}").WithCsrf(session.CsrfToken))).EnsureSuccessStatusCode();

        var list = await session.Client.GetAsync("/api/tokens");

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        items.Select(t => t.GetProperty("name").GetString()).ShouldBe(["tests", "sync"]);
        var sync = items.Single(t => t.GetProperty("name").GetString() == "sync");
        sync.GetProperty("id").GetGuid().ShouldBe(used.Id);
        sync.GetProperty("createdVia").GetString().ShouldBe("session");
        sync.GetProperty("role").GetString().ShouldBe("viewer");
        sync.GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.String);
        sync.TryGetProperty("token", out _).ShouldBeFalse();
        sync.TryGetProperty("tokenHash", out _).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RevokeAllMine_WhenSentFromTheSession_ShouldEndEveryTokenOfTheCallerAndNoOneElses(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();
        var (_, first) = await app.CreateMemberAsync("viewer", company.Id, "pat@acme.test", password);
        var (_, someoneElses) = await app.CreateMemberAsync("viewer", company.Id);
        var session = await Sessions.SignInAsync(app, "pat@acme.test", password);
        var second = await CreateTokenAsync(session, company.Id, "viewer");

        var response = await session.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/tokens").WithCsrf(session.CsrfToken));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").GetInt32().ShouldBe(2);
        await (await Bearer(app, first).GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await Bearer(app, second.Token).GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Bearer(app, someoneElses).GetAsync($"/api/companies/{company.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.Client.GetFromJsonAsync<JsonElement>("/api/tokens")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangePassword_WhenAskedToRevokeTokens_ShouldEndEveryTokenAndOtherwiseKeepThem(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = SecretTokens.NewPassword();
        var (_, token) = await app.CreateMemberAsync("viewer", company.Id, "pat@acme.test", password);
        var session = await Sessions.SignInAsync(app, "pat@acme.test", password);
        var next = SecretTokens.NewPassword();

        var keep = await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = password, newPassword = next }).WithCsrf(session.CsrfToken));
        var stillWorks = await Bearer(app, token).GetAsync($"/api/companies/{company.Id}");
        var revoke = await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = next, newPassword = SecretTokens.NewPassword(), revokeTokens = true }).WithCsrf(session.CsrfToken));

        keep.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        stillWorks.StatusCode.ShouldBe(HttpStatusCode.OK);
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await Bearer(app, token).GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await session.Client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UsersSetPassword_ByDefault_ShouldRevokeTheUsersTokensUnlessToldToKeepThem(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var (_, kept) = await app.CreateMemberAsync("viewer", company.Id, "lee@acme.test", SecretTokens.NewPassword());
        var (_, revoked) = await app.CreateMemberAsync("viewer", company.Id, "pat@acme.test", SecretTokens.NewPassword());

        var keep = await RunAsync(app, "users", "set-password", "--email", "lee@acme.test", "--keep-tokens");
        var set = await RunAsync(app, "users", "set-password", "--email", "pat@acme.test");

        keep.ExitCode.ShouldBe(CliExitCodes.Ok, keep.Error);
        keep.Output.ShouldContain("0 API token(s) revoked");
        set.ExitCode.ShouldBe(CliExitCodes.Ok, set.Error);
        set.Output.ShouldContain("1 API token(s) revoked");
        (await Bearer(app, kept).GetAsync($"/api/companies/{company.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await Bearer(app, revoked).GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private sealed record NewToken(Guid Id, string Token);

    private static async Task<NewToken> CreateTokenAsync(Sessions.Session session, Guid companyId, string role, string name = "extra")
    {
        var created = await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/tokens", new { name, companyId, role }).WithCsrf(session.CsrfToken));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return new NewToken(body.GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    private static HttpClient Bearer(PayrollApp app, string token)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(PayrollApp app, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = app.Database.Url,
            ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
            ["DATA_DIR"] = Path.Combine(Path.GetTempPath(), "payroll-tests", "cli-" + Guid.NewGuid().ToString("N")),
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PayrollCli.RunAsync(args, new CliContext(configuration, output, error, null), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
