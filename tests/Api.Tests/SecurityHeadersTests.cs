using System.Net;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>What a browser is told about every response: content policy, framing, sniffing, referrers, HTTPS and CORS.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/api/livez", HttpStatusCode.OK)]
    [InlineData("/api/companies/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task Response_WhenServedOverHttp_ShouldCarryTheBrowserHardeningHeadersButNoHsts(string path, HttpStatusCode status)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(status);
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("object-src 'none'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("no-referrer");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task Response_WhenServedOverHttps_ShouldCarryHsts()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://payroll.example.com") });

        var response = await client.GetAsync("/api/livez");

        Header(response, "Strict-Transport-Security").ShouldBe("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public async Task Cors_WhenNoOriginsAreConfigured_ShouldGrantNoOrigin()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var preflight = await app.CreateClient().SendAsync(Preflight("https://evil.example"));
        var simple = await app.CreateClient().SendAsync(WithOrigin(HttpMethod.Get, "/api/livez", "https://evil.example"));

        preflight.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        simple.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Cors_WhenOriginsAreAllowListed_ShouldGrantExactlyThoseOriginsWithoutCredentials()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["API_CORS_ORIGINS"] = "https://app.example.com, https://admin.example.com:8443" });
        var client = app.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://app.example.com"));
        var allowedGet = await client.SendAsync(WithOrigin(HttpMethod.Get, "/api/livez", "https://admin.example.com:8443"));
        var other = await client.SendAsync(Preflight("https://app.example.com.evil.example"));

        Header(allowed, "Access-Control-Allow-Origin").ShouldBe("https://app.example.com");
        Header(allowed, "Access-Control-Allow-Methods").ShouldContain("POST");
        Header(allowed, "Access-Control-Allow-Headers").ToLowerInvariant().ShouldContain("idempotency-key");
        allowed.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
        Header(allowedGet, "Access-Control-Allow-Origin").ShouldBe("https://admin.example.com:8443");
        other.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://app.example.com/path")]
    [InlineData("app.example.com")]
    public async Task Startup_WhenACorsOriginIsMalformed_ShouldRefuseWithConfigurationExitCode(string origins)
    {
        var outcome = await PayrollProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["API_CORS_ORIGINS"] = origins,
            ["DATABASE_URL"] = "sqlite:///" + Path.Combine(Path.GetTempPath(), "payroll-cors-" + Guid.NewGuid().ToString("N") + ".db"),
            ["PORT"] = PayrollProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, TimeSpan.FromSeconds(60));

        outcome.ExitCode.ShouldBe(2);
        outcome.StandardError.ShouldContain("API_CORS_ORIGINS");
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = WithOrigin(HttpMethod.Options, "/api/companies", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");
        return request;
    }

    private static HttpRequestMessage WithOrigin(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : throw new ShouldAssertException($"{name} is missing");
}
