using System.Net;
using System.Net.Http.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>
/// Adding a member says whether the email has an account (ADR 0013), so a company admin may add only so many per hour:
/// past the budget every add is the same 429, whichever the email.
/// </summary>
public sealed class MemberEnumerationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddMember_WhenACompanyAdminProbesMoreEmailsThanTheHourlyBudget_ShouldAnswer429WithoutSayingWhichExist(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        await app.CreateMemberAsync("viewer", other.Id, "known@other.test");
        var prober = await app.CreateClientAsync("company_admin", company.Id);
        var colleague = await app.CreateClientAsync("company_admin", company.Id);
        var members = $"/api/companies/{company.Id}/users";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add((await prober.PostAsJsonAsync(members, new { email = $"probe{i}@elsewhere.test", role = "viewer" })).StatusCode);
        }

        var existing = await prober.PostAsJsonAsync(members, new { email = "known@other.test", role = "viewer" });
        var unknown = await prober.PostAsJsonAsync(members, new { email = "nobody@elsewhere.test", role = "viewer" });

        answers.ShouldAllBe(status => status == HttpStatusCode.Created);
        var problem = await existing.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().ShouldBe("Too many members added");
        existing.Headers.RetryAfter.ShouldNotBeNull();
        await unknown.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        (await colleague.PostAsJsonAsync(members, new { email = "known@other.test", role = "viewer" })).StatusCode
            .ShouldBe(HttpStatusCode.Created, "the budget is the prober's own");
        (await app.CreateClient().PostAsJsonAsync(members, new { email = "admin-added@elsewhere.test", role = "viewer" })).StatusCode
            .ShouldBe(HttpStatusCode.Created, "the global administrator is not limited");
    }
}
