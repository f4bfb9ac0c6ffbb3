using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>Idempotency keys belong to the caller (user or token), so two callers' keys never collide.</summary>
public sealed class CallerScopedIdempotencyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SameKey_WhenSentByTwoCallers_ShouldExecuteForEachAndReplayOnlyToItsOwner(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var first = await app.CreateClientAsync("payroll_manager", company.Id);
        var second = await app.CreateClientAsync("payroll_manager", company.Id);
        var url = $"/api/companies/{company.Id}/employees";
        static string Body(string ssn) => System.Text.Json.JsonSerializer.Serialize(new
        {
            firstName = "Ada", lastName = "Lovelace", ssn, hireDate = "2024-01-01", payFrequency = "monthly", w4 = new { version = "2020", filingStatus = "single" },
        });

        var byFirst = await first.SendAsync(HttpRequests.Keyed(HttpMethod.Post, url, "shared-key", Body("123-45-6789")));
        var bySecond = await second.SendAsync(HttpRequests.Keyed(HttpMethod.Post, url, "shared-key", Body("234-56-7890")));
        var replayToFirst = await first.SendAsync(HttpRequests.Keyed(HttpMethod.Post, url, "shared-key", Body("123-45-6789")));

        byFirst.StatusCode.ShouldBe(HttpStatusCode.Created);
        bySecond.StatusCode.ShouldBe(HttpStatusCode.Created);
        bySecond.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        replayToFirst.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await replayToFirst.Content.ReadAsStringAsync()).ShouldBe(await byFirst.Content.ReadAsStringAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM employees")).ShouldBe(2);
        var callers = (await connection.QueryAsync<string>("SELECT caller FROM idempotency_keys ORDER BY caller")).ToArray();
        callers.Length.ShouldBe(2);
        callers.ShouldAllBe(c => c.StartsWith("token:", StringComparison.Ordinal));
    }
}
