using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>
/// Two instances on one database, each with its own DATA_DIR as two Kubernetes pods have: the session cookie's keys and the
/// sign-in limit live in the database, so a session from one works on the other and the limit counts both. The client address
/// the limit counts by comes from X-Forwarded-For only when the connection comes from a proxy in TRUSTED_PROXIES.
/// </summary>
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task Session_SignedInOnOneInstance_ShouldWorkOnAnotherWithItsOwnDataDirOnPostgreSql()
    {
        await using var blue = await PayrollApp.StartAsync(DatabaseProvider.PostgreSql);
        await using var green = PayrollApp.StartOn(blue.Database);
        var (cookie, csrf) = await SignInAsync(blue.CreateAnonymousClient());

        using var onGreen = green.CreateAnonymousClient();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Add("Cookie", cookie);
        using var meAnswer = await onGreen.SendAsync(me);
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/companies") { Content = JsonContent.Create(new { name = "Green Co", slug = "green-co" }) };
        write.Headers.Add("Cookie", cookie);
        write.Headers.Add("X-CSRF-Token", csrf);
        using var written = await onGreen.SendAsync(write);

        meAnswer.StatusCode.ShouldBe(HttpStatusCode.OK, await meAnswer.Content.ReadAsStringAsync());
        (await meAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("email").GetString().ShouldBe(PayrollApp.AdminEmail);
        written.StatusCode.ShouldBe(HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DataProtectionKeys_ShouldLiveEncryptedInPostgreSqlAndInDataDirOnSqlite(DatabaseProvider provider)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "payroll-tests", "data-" + Guid.NewGuid().ToString("N"));
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { ["DATA_DIR"] = dataDir });
        await SignInAsync(app.CreateAnonymousClient());

        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<string>("SELECT protected_xml FROM data_protection_keys")).ToList();
        var folder = Path.Combine(dataDir, "dataprotection-keys");

        if (provider == DatabaseProvider.PostgreSql)
        {
            rows.ShouldNotBeEmpty();
            rows.ShouldAllBe(xml => xml.StartsWith("v1:test1:", StringComparison.Ordinal) && !xml.Contains("<key", StringComparison.Ordinal));
            var ring = PiiKeyRing.Parse(TestKeys.PiiKeys);
            new AesGcmPiiProtector(ring).Unprotect(rows[0]).ShouldContain("<masterKey");
            Directory.Exists(folder).ShouldBeFalse("on PostgreSQL nothing an instance needs lives on its disk");
        }
        else
        {
            rows.ShouldBeEmpty();
            Directory.EnumerateFiles(folder, "key-*.xml").ShouldNotBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_WhenOneAddressSpreadsAttemptsOverTwoInstances_ShouldBeLimitedByTheirSum(DatabaseProvider provider)
    {
        var limit = new Dictionary<string, string?> { ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "3" };
        await using var blue = await PayrollApp.StartAsync(provider, limit);
        await using var green = PayrollApp.StartOn(blue.Database, limit);
        using var onBlue = blue.CreateAnonymousClient();
        using var onGreen = green.CreateAnonymousClient();

        var answers = new List<HttpStatusCode>();
        foreach (var client in new[] { onBlue, onGreen, onBlue, onGreen })
        {
            using var answer = await client.PostAsJsonAsync("/api/auth/login", new { email = PayrollApp.AdminEmail, password = "wrong password" });
            answers.Add(answer.StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_BehindATrustedProxy_ShouldBeLimitedPerForwardedClientAddress(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartOnLoopbackAsync(provider, new Dictionary<string, string?>
        {
            ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "2",
            ["TRUSTED_PROXIES"] = "10.9.9.9,127.0.0.0/8",
        });
        using var proxy = new HttpClient { BaseAddress = app.ServerAddress };

        var first = await AttemptsAsync(proxy, "203.0.113.7", 3);
        var second = await AttemptsAsync(proxy, "203.0.113.8", 1);
        var spoofed = await AttemptsAsync(proxy, "198.51.100.1, 203.0.113.7", 1);

        first.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        second.ShouldBe([HttpStatusCode.Unauthorized], "another client behind the same proxy has its own budget");
        spoofed.ShouldBe([HttpStatusCode.TooManyRequests], "the proxy appends the address it saw; only that last one is believed");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Login_FromAnUntrustedAddress_ShouldIgnoreItsForwardedHeaders(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartOnLoopbackAsync(provider, new Dictionary<string, string?>
        {
            ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "2",
            ["TRUSTED_PROXIES"] = "10.9.9.9",
        });
        using var client = new HttpClient { BaseAddress = app.ServerAddress };

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            answers.AddRange(await AttemptsAsync(client, $"203.0.113.{attempt + 20}", 1));
        }

        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], "a fresh X-Forwarded-For per attempt must not buy a fresh budget");
    }

    [Theory]
    [InlineData("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true", "trusts X-Forwarded-For from any client")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.0/8,proxy.local", "'proxy.local' is neither an IP address")]
    public async Task Serve_WhenForwardedHeadersAreTrustedFromAnyone_ShouldExit2(string variable, string value, string expected)
    {
        var outcome = await PayrollProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "sqlite:///" + Path.Combine(Path.GetTempPath(), "payroll-tests", Guid.NewGuid().ToString("N"), "app.db"),
            [PiiKeyRing.Variable] = TestKeys.PiiKeys,
            ["PORT"] = PayrollProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [variable] = value,
        }, TimeSpan.FromSeconds(60));

        outcome.ExitCode.ShouldBe(2, outcome.StandardOutput + outcome.StandardError);
        outcome.StandardError.ShouldContain(expected);
    }

    private static async Task<List<HttpStatusCode>> AttemptsAsync(HttpClient client, string forwardedFor, int count)
    {
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < count; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
            {
                Content = JsonContent.Create(new { email = PayrollApp.AdminEmail, password = "wrong password" }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var answer = await client.SendAsync(request);
            answers.Add(answer.StatusCode);
        }

        return answers;
    }

    private static async Task<(string Cookie, string Csrf)> SignInAsync(HttpClient client)
    {
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = PayrollApp.AdminEmail, password = TestKeys.AdminPassword });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("payroll_session=", StringComparison.Ordinal)).Split(';')[0];
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!;
        return (cookie, csrf);
    }
}
