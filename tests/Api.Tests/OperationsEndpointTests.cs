using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

public sealed class OperationsEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_WhenSchemaAtHead_ShouldReportEveryCheckOk(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var health = await client.GetAsync("/api/healthz");
        var ready = await client.GetAsync("/api/readyz");
        var live = await client.GetFromJsonAsync<JsonElement>("/api/livez");

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).ShouldBe("""{"status":"ok","checks":{"database":"ok","migrations":"ok","storage":"ok","database-file":"ok","shutdown":"ok"}}""");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        live.GetProperty("status").GetString().ShouldBe("ok");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_WhenAppliedScriptDrifted_ShouldReturn503NamingMigrations(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using (var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = '0001'");
        }

        var client = app.CreateClient();
        var health = await client.GetAsync("/api/healthz");
        var ready = await client.GetAsync("/api/readyz");

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        checks.GetProperty("database").GetString().ShouldBe("ok");
        checks.GetProperty("migrations").GetString()!.ShouldContain("drift: 0001_create_companies");
        var problem = await ready.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString()!.ShouldStartWith("migrations:");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Meta_WhenServing_ShouldDescribeBuildDatabaseAndSchema(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["APP_VERSION"] = "9.8.7",
            ["GIT_SHA"] = "abc1234",
            ["BUILD_TS"] = "2026-11-25T00:00:00Z",
        });

        var meta = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/meta");

        meta.GetProperty("name").GetString().ShouldBe("PayrollPortal");
        meta.GetProperty("version").GetString().ShouldBe("9.8.7");
        meta.GetProperty("commit").GetString().ShouldBe("abc1234");
        meta.GetProperty("buildTime").GetString().ShouldBe("2026-11-25T00:00:00Z");
        meta.GetProperty("database").GetString().ShouldBe(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql");
        meta.GetProperty("schemaVersion").GetString().ShouldNotBeNullOrEmpty();
        meta.GetProperty("environment").GetString().ShouldBe("Testing");
    }

    [Fact]
    public async Task OpenApi_WhenRequested_ShouldDescribeTheCompanyEndpointsAndServeTheBrowsableUi()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var docs = await client.GetAsync("/api/docs");

        document.GetProperty("paths").TryGetProperty("/api/companies", out _).ShouldBeTrue();
        var patch = document.GetProperty("components").GetProperty("schemas").GetProperty("UpdateCompanyRequest");
        patch.TryGetProperty("required", out _).ShouldBeFalse();
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("<html", Case.Insensitive);
    }
}
