using Dapper;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>
/// Authorization runs before validation (docs/ARCHITECTURE.md, "The pipeline"): a caller who may not write is refused for who
/// they are, never told what is wrong with a body they could not have sent anyway.
/// </summary>
public sealed class AuthorizationBeforeValidationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InvalidWrite_WhenSentByAViewer_ShouldBeForbiddenWithoutDescribingTheBody(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var viewer = await app.CreateClientAsync("viewer", company.Id);

        foreach (var (method, url, body) in InvalidWrites(company.Id))
        {
            using var response = await viewer.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });

            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            problem.GetProperty("code").GetString().ShouldBe("auth.forbidden", $"{method} {url}");
            problem.TryGetProperty("errors", out _).ShouldBeFalse($"{method} {url} described the body to a caller who may not send it");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InvalidWrite_WhenSentByAMemberOfAnotherCompany_ShouldBeNotFoundWithoutDescribingTheBody(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var outsider = await app.CreateClientAsync("company_admin", other.Id);

        foreach (var (method, url, body) in InvalidWrites(company.Id))
        {
            using var response = await outsider.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });

            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            problem.GetProperty("code").GetString().ShouldBe("company.not_found", $"{method} {url}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InvalidWrite_WhenSentWithoutCredentials_ShouldBeUnauthorized(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var anonymous = app.CreateAnonymousClient();

        foreach (var (method, url, body) in InvalidWrites(company.Id))
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {url}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InvalidWrite_WhenAViewerRetriesItWithTheSameIdempotencyKey_ShouldBeRefusedAgainWithoutTouchingTheKey(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var viewer = await app.CreateClientAsync("viewer", company.Id);
        HttpRequestMessage Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/companies/{company.Id}/payrolls") { Content = JsonContent.Create(new { lines = Array.Empty<object>() }) };
            request.Headers.Add("Idempotency-Key", "viewer-invalid-1");
            return request;
        }

        using var first = await viewer.SendAsync(Post());
        using var retry = await viewer.SendAsync(Post());

        // Authorization runs before the key is looked at (ADR 0006, "Since issue 21"): a refusal is decided afresh, not replayed.
        await first.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await retry.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("auth.forbidden");
        retry.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        await using var connection = await app.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys")).ShouldBe(0);
    }

    /// <summary>Writes a viewer may not send, each with a body that validation would reject.</summary>
    private static (HttpMethod Method, string Url, object Body)[] InvalidWrites(Guid companyId) =>
    [
        (HttpMethod.Post, $"/api/companies/{companyId}/payrolls", new { periodStart = "2026-04-30", periodEnd = "2026-04-01", lines = Array.Empty<object>() }),
        (HttpMethod.Post, $"/api/companies/{companyId}/employees", new { firstName = "", ssn = "not an ssn" }),
        (HttpMethod.Patch, $"/api/companies/{companyId}", new { ein = "not an ein" }),
        (HttpMethod.Post, $"/api/companies/{companyId}/users", new { email = "not an email", role = "emperor" }),
    ];
}
