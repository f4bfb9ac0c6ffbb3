using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>API tokens as the README tells a REST client to use them: create once-shown, use, revoke at once.</summary>
public sealed class TokenTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Token_WhenCreatedUsedAndRevoked_ShouldWorkUntilRevokedAndStoreOnlyItsHash(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var session = await Sessions.SignInAsync(app, PayrollApp.AdminEmail, TestKeys.AdminPassword);
        var expiresAt = DateTimeOffset.UtcNow.AddDays(30);

        var created = await session.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/tokens",
            new { name = "payroll sync", companyId = company.Id, role = "viewer", expiresAt }).WithCsrf(session.CsrfToken));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/tokens/{id}");
        body.GetProperty("role").GetString().ShouldBe("viewer");
        body.GetProperty("companyId").GetGuid().ShouldBe(company.Id);
        body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expiresAt, TimeSpan.FromSeconds(1));
        token.ShouldStartWith("ppt_");

        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetAsync($"/api/companies/{company.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/companies", new { name = "No", slug = "nope" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
            var row = await connection.QuerySingleAsync<(string Hash, string? LastUsed)>(
                "SELECT token_hash, CAST(last_used_at AS TEXT) FROM api_tokens WHERE name = 'payroll sync'");
            row.Hash.ShouldNotContain(token);
            row.Hash.Length.ShouldBe(64);
            row.LastUsed.ShouldNotBeNull();
        }

        var revoked = await session.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/tokens/{id}").WithCsrf(session.CsrfToken));

        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/api/companies/{company.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Token_WhenAskingForARoleAboveTheCallersOwn_ShouldBe403AndCreateNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var password = Application.Identity.SecretTokens.NewPassword();
        await app.CreateMemberAsync("viewer", company.Id, "viewer@acme.test", password);
        var viewer = await Sessions.SignInAsync(app, "viewer@acme.test", password);
        Task<HttpResponseMessage> CreateAsync(object body) =>
            viewer.Client.SendAsync(Sessions.Json(HttpMethod.Post, "/api/tokens", body).WithCsrf(viewer.CsrfToken));

        var above = await CreateAsync(new { name = "escalate", companyId = company.Id, role = "company_admin" });
        var admin = await CreateAsync(new { name = "escalate", role = "admin" });
        var own = await CreateAsync(new { name = "mine", companyId = company.Id, role = "viewer" });

        await above.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await admin.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM api_tokens WHERE name = 'escalate'")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Revoke_WhenTheTokenIsSomeoneElsesInAnotherCompany_ShouldBe404AndKeepItWorking(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var acme = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var (_, victimToken) = await app.CreateMemberAsync("viewer", acme.Id);
        var victim = app.CreateAnonymousClient();
        victim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", victimToken);
        var victimTokenId = (await victim.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("user").GetProperty("id").GetGuid();
        var outsider = await app.CreateClientAsync("company_admin", other.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var tokenId = await connection.QuerySingleAsync<Guid>("SELECT id FROM api_tokens WHERE user_id = @victimTokenId", new { victimTokenId });

        var response = await outsider.DeleteAsync($"/api/tokens/{tokenId}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await victim.GetAsync($"/api/companies/{acme.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
