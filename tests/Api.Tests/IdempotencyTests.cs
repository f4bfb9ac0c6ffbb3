using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The Idempotency-Key contract on the write endpoints, as a retrying client meets it.</summary>
public sealed class IdempotencyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenRetriedWithSameKey_ShouldReplayByteIdenticalResponseAndCreateNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var first = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "create-acme", """{"name":"Acme","slug":"acme"}"""));
        var retry = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "create-acme", """{ "slug" : "acme",  "name" : "Acme" }"""));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync());
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        retry.Headers.GetValues("X-Original-Request-ID").ShouldBe(first.Headers.GetValues("X-Request-ID"));
        retry.Headers.GetValues("X-Request-ID").ShouldNotBe(first.Headers.GetValues("X-Request-ID"));
        var companies = await client.GetFromJsonAsync<JsonElement>("/api/companies");
        companies.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenReplayingAFailure_ShouldReplayTheStored4xxWithoutValidatingAgain(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/companies", new { name = "Taken", slug = "taken" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var conflict = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "k-409", """{"name":"Again","slug":"taken"}"""));
        var conflictReplay = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "k-409", """{"name":"Again","slug":"taken"}"""));
        var invalid = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "k-400", """{"name":"","slug":"x"}"""));
        var invalidReplay = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "k-400", """{"name":"","slug":"x"}"""));

        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        conflictReplay.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        conflictReplay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await conflictReplay.Content.ReadAsStringAsync()).ShouldBe(await conflict.Content.ReadAsStringAsync());
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalidReplay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await invalidReplay.Content.ReadAsStringAsync()).ShouldBe(await invalid.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenSameKeyCarriesADifferentBody_ShouldReturn422KeyReuseAndExecuteNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        (await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "k1", """{"name":"Acme","slug":"acme"}"""))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var reused = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "k1", """{"name":"Other","slug":"other"}"""));

        var problem = await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("type").GetString()!.ShouldEndWith("idempotency-key-reuse");
        var companies = await client.GetFromJsonAsync<JsonElement>("/api/companies");
        companies.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Key_WhenUsedOnAnotherRouteOrMethod_ShouldNotCollide(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var company = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "shared", """{"name":"Acme","slug":"acme"}"""));
        var id = (await company.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var employee = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, $"/api/companies/{id}/employees", "shared",
            """{"firstName":"Ada","lastName":"Lovelace","ssn":"123-45-6789","hireDate":"2024-01-01","payFrequency":"monthly","w4":{"version":"2020","filingStatus":"single"}}"""));
        var patch = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Patch, $"/api/companies/{id}", "shared", """{"name":"Acme Two"}"""));

        company.StatusCode.ShouldBe(HttpStatusCode.Created);
        employee.StatusCode.ShouldBe(HttpStatusCode.Created);
        employee.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("Acme Two");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_When50ConcurrentRequestsShareAKey_ShouldCreateExactlyOnePayroll(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var client = app.CreateClient();
        var body = HttpRequests.PayrollBody(ada.Id);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 50).Select(async _ =>
        {
            await gate.Task;
            return await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, $"/api/companies/{company.Id}/payrolls", "one-payroll", body));
        }).ToArray();

        gate.SetResult();
        var answered = await Task.WhenAll(requests);

        var executed = answered.Where(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")).ToArray();
        executed.Length.ShouldBe(1);
        foreach (var other in answered.Except(executed))
        {
            if (other.StatusCode == HttpStatusCode.Conflict)
            {
                (await other.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString()!.ShouldEndWith("idempotency-key-in-flight");
                other.Headers.RetryAfter.ShouldNotBeNull();
            }
            else
            {
                other.StatusCode.ShouldBe(HttpStatusCode.Created);
                other.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
                other.Headers.Location.ShouldBe(executed[0].Headers.Location);
            }
        }

        var payrolls = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/payrolls");
        payrolls.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("bell\u0007key")]
    [InlineData("caf\u00e9")]
    public async Task Post_WhenKeyMalformed_ShouldReturn400NamingTheHeader(string key)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var request = HttpRequests.Keyed(HttpMethod.Post, "/api/companies", key, """{"name":"Acme","slug":"acme"}""");

        var response = await app.CreateClient().SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("Idempotency-Key").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Post_WhenKeyTooLongOrRepeated_ShouldReturn400AndCreateNothing()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var repeated = HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "a", """{"name":"Acme","slug":"acme"}""");
        repeated.Headers.TryAddWithoutValidation("Idempotency-Key", "b");

        var tooLong = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", new string('k', 256), """{"name":"Acme","slug":"acme"}"""));
        var twice = await client.SendAsync(repeated);
        var longest = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", new string('k', 255), """{"name":"Acme","slug":"acme"}"""));

        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("Idempotency-Key").ShouldHaveSingleItem();
        (await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("Idempotency-Key").ShouldHaveSingleItem();
        longest.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_WhenKeysAreRequiredAndMissing_ShouldReturn400ButPatchShouldNotNeedOne()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["PAYROLL_REQUIRE_IDEMPOTENCY_KEY"] = "1" });
        var client = app.CreateClient();

        var missing = await client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "acme" });
        var keyed = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, "/api/companies", "k", """{"name":"Acme","slug":"acme"}"""));
        var id = (await keyed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var patch = await client.PatchAsJsonAsync($"/api/companies/{id}", new { name = "Renamed" });

        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("Idempotency-Key").ShouldHaveSingleItem();
        keyed.StatusCode.ShouldBe(HttpStatusCode.Created);
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_WhenRead_ShouldDocumentTheKeyAnd409And422OnEveryWrite()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var writes = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value)))
            .Where(op => op.Method is "post" or "put" or "patch" or "delete")
            .Where(op => op.Path != "/api/withholding/calculate") // a calculation: it writes nothing, so there is nothing to repeat
            .Where(op => !op.Path.EndsWith("/payrolls/preview", StringComparison.Ordinal)) // the same: lines computed, nothing stored
            .Where(op => !op.Path.StartsWith("/api/auth/", StringComparison.Ordinal)) // a session, not a business write: signing in again is the retry
            .ToArray();
        writes.Length.ShouldBe(29); // companies POST/PATCH, employee imports POST, opening balances POST, employees POST/PATCH, payrolls POST, PUT lines, approve, void, period close/reopen, export links, tokens POST/DELETE one/DELETE all, company users POST, member PATCH/DELETE; holidays PUT, pay schedules POST, runs POST, compensation POST, off-cycle POST, copy one-offs POST; kr business-income payees POST, sheets POST, approve, void
        foreach (var (path, method, operation) in writes)
        {
            var header = operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("name").GetString() == "Idempotency-Key").ToArray();
            header.Length.ShouldBe(1, $"{method} {path}");
            header[0].GetProperty("in").GetString().ShouldBe("header");
            operation.GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue($"{method} {path}");
            operation.GetProperty("responses").TryGetProperty("422", out _).ShouldBeTrue($"{method} {path}");
        }
    }
}
