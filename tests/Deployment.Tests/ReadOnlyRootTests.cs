using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Deployment.Tests;

/// <summary>
/// The container's promise, kept here without Docker: the published app migrates, serves a payroll from login to export,
/// and answers its health check on a read-only root under deploy/seccomp.json, writing only to its data folder and /tmp.
/// </summary>
public sealed class ReadOnlyRootTests : IDisposable
{
    private const string MetricsToken = "smoke-metrics-token-0123456789abcdef0123";
    private const string AdminEmail = "admin@smoke.example";
    private static readonly string AdminPassword = "Smoke-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("payroll-readonly-");

    [Fact]
    public async Task PublishedApp_WhenRunOnAReadOnlyRootUnderTheSeccompProfile_ShouldServeAPayrollAndWriteOnlyItsDataFolder()
    {
        var appFolder = PublishedApp();
        var data = _work.CreateSubdirectory("data").FullName;
        var before = Snapshot(appFolder);
        using var sandbox = Sandbox.Create(appFolder, data);
        var port = PayrollProcess.FreePort();
        var environment = Environment(data, port);

        var migrate = await sandbox.RunAsync("dotnet", [$"{Sandbox.AppInSandbox}/payroll.dll", "migrate", "up"], environment);
        migrate.ExitCode.ShouldBe(0, migrate.Output);

        using var server = sandbox.Start("dotnet", [$"{Sandbox.AppInSandbox}/payroll.dll"], new Dictionary<string, string>(environment) { ["PAYROLL_ENFORCE_MIGRATIONS"] = "1" });
        var log = ProcessOutput.Capture(server);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(client, server, log);
            await SmokeAsync(client);

            // The verb's 3 s default is Docker's budget; here the question is whether it works in the sandbox, not how fast
            // (at load average 25 its first request took longer than 3 s and the test failed once).
            var health = await sandbox.RunAsync("dotnet", [$"{Sandbox.AppInSandbox}/payroll.dll", "healthcheck", "--timeout", "60"], environment);
            health.ExitCode.ShouldBe(0, health.Output);
        }
        finally
        {
            Sandbox.Terminate(server);
            // Generous: on a loaded 2-core machine a clean stop has taken over 20 s; a kill would fail the exit-code check.
            if (!server.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                server.Kill(entireProcessTree: true);
            }
        }

        server.ExitCode.ShouldBe(0, log.ToString());
        var output = log.ToString();
        output.ShouldNotContain("EphemeralXmlRepository", customMessage: "Data Protection fell back to in-memory keys");
        output.ShouldNotContain("ephemeral", Case.Insensitive);
        output.ShouldNotContain("Read-only file system");
        output.ShouldNotContain("UnauthorizedAccessException");
        output.ShouldNotContain("\"LogLevel\":\"Error\"");
        output.ShouldNotContain("\"LogLevel\":\"Critical\"");
        Snapshot(appFolder).ShouldBe(before, "the published app folder must stay untouched");
        Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName).ShouldAllBe(
            name => name!.StartsWith("app.db", StringComparison.Ordinal) || name == "dataprotection-keys" || name == "backups" || name == "databases.recorded");
        Directory.EnumerateFiles(Path.Combine(data, "dataprotection-keys"), "key-*.xml").ShouldNotBeEmpty("the session key ring persists in DATA_DIR");
    }

    [Fact]
    public async Task Sandbox_WhenAProgramWritesOutsideItsDataFolderOrMakesAForbiddenCall_ShouldFailLoudly()
    {
        var data = _work.CreateSubdirectory("data").FullName;
        using var sandbox = Sandbox.Create(PublishedApp(), data);
        var environment = new Dictionary<string, string>();

        // Outside both the data folder and /tmp, and not under /tmp on the host either (a clone in /tmp would be hidden by
        // the sandbox's own tmpfs and answer "No such file" instead of proving the root is read-only).
        var probe = Path.Combine("/var/tmp", "payroll-sandbox-probe-" + Guid.NewGuid().ToString("N"));
        var outsideData = await sandbox.RunAsync("/bin/touch", [probe], environment);
        File.Delete(probe);
        var insideData = await sandbox.RunAsync("/bin/touch", [Path.Combine(data, "allowed")], environment);
        var symlink = await sandbox.RunAsync("/bin/ln", ["-s", "allowed", Path.Combine(data, "link")], environment);

        outsideData.ExitCode.ShouldNotBe(0);
        outsideData.Output.ShouldContain("Read-only file system");
        insideData.ExitCode.ShouldBe(0, insideData.Output);
        symlink.ExitCode.ShouldNotBe(0, "deploy/seccomp.json does not allow symlink");
        symlink.Output.ShouldContain("Operation not permitted");
    }

    public void Dispose() => _work.Delete(recursive: true);

    /// <summary>build/test.sh publishes once and passes PAYROLL_PUBLISH_DIR; alone, the built output beside this assembly serves.</summary>
    private static string PublishedApp()
    {
        var published = System.Environment.GetEnvironmentVariable("PAYROLL_PUBLISH_DIR");
        var folder = string.IsNullOrEmpty(published) ? AppContext.BaseDirectory : published;
        File.Exists(Path.Combine(folder, "payroll.dll")).ShouldBeTrue($"payroll.dll not found in {folder}");
        return Path.GetFullPath(folder);
    }

    private static Dictionary<string, string> Environment(string data, int port) => new()
    {
        ["DATA_DIR"] = data,
        ["DATABASE_URL"] = $"sqlite:///{data}/app.db",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
        ["EXPORT_HMAC_SECRET"] = "smoke:" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["METRICS_TOKEN"] = MetricsToken,
        ["ADMIN_EMAIL"] = AdminEmail,
        ["ADMIN_PASSWORD"] = AdminPassword,
        ["APP_VERSION"] = "9.8.7-smoke",
        ["GIT_SHA"] = "0123abc",
        ["LOG_FORMAT"] = "json",
        ["TMPDIR"] = "/tmp",
        ["HOME"] = "/tmp",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    private static async Task WaitUntilReadyAsync(HttpClient client, Process server, ProcessOutput log)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            server.HasExited.ShouldBeFalse($"the server exited with {(server.HasExited ? server.ExitCode : 0)}: {log}");
            try
            {
                if ((await client.GetAsync("/api/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"not ready within 90 s: {log}");
    }

    private static async Task SmokeAsync(HttpClient client)
    {
        (await client.GetAsync("/api/livez")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var meta = await client.GetFromJsonAsync<JsonElement>("/api/meta");
        meta.GetProperty("version").GetString().ShouldBe("9.8.7-smoke");
        meta.GetProperty("commit").ValueKind.ShouldBe(JsonValueKind.Null); // the exact build is for the administrator

        // A person signs in: the session cookie (kept by the handler's cookie container) and the CSRF token for writes.
        (await client.GetAsync("/api/companies")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var session = await PostAsync(client, "/api/auth/login", new { email = AdminEmail, password = AdminPassword }, HttpStatusCode.OK);
        session.GetProperty("user").GetProperty("isAdmin").GetBoolean().ShouldBeTrue();
        (await client.GetFromJsonAsync<JsonElement>("/api/meta")).GetProperty("commit").GetString().ShouldBe("0123abc");
        client.DefaultRequestHeaders.Add("X-CSRF-Token", session.GetProperty("csrfToken").GetString());

        var company = await PostAsync(client, "/api/companies", new { name = "Read-only Co", slug = "read-only-co", ein = "12-3456789" }, HttpStatusCode.Created);
        var companyId = company.GetProperty("id").GetGuid();
        var employee = await PostAsync(client, $"/api/companies/{companyId}/employees", new
        {
            firstName = "Ada", lastName = "Lovelace", ssn = "123-45-6789", hireDate = "2024-01-01", payFrequency = "monthly",
            w4 = new { version = "2020", filingStatus = "single" },
        }, HttpStatusCode.Created);
        var payroll = await PostAsync(client, $"/api/companies/{companyId}/payrolls", new
        {
            periodStart = "2026-01-01", periodEnd = "2026-01-31", payDate = "2026-01-30", payFrequency = "monthly",
            lines = new[] { new { employeeId = employee.GetProperty("id").GetGuid(), grossWages = 5000.00m } },
        }, HttpStatusCode.Created);
        var payrollId = payroll.GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/companies/{companyId}/payrolls/{payrollId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = await PostAsync(client, $"/api/companies/{companyId}/exports", new { scope = new { payrollId }, format = "csv" }, HttpStatusCode.Created);

        var download = await client.GetAsync(new Uri(client.BaseAddress!, link.GetProperty("url").GetString()));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = await download.Content.ReadAsStringAsync();
        csv.ShouldContain("Ada Lovelace,6789,2026-01-30");
        csv.ShouldContain(",5000.00,");

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsToken);
        var metrics = await (await client.SendAsync(scrape)).Content.ReadAsStringAsync();
        metrics.ShouldContain("payroll_payrolls_approved_total 1");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, DateTime> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToDictionary(p => p, p => File.GetLastWriteTimeUtc(p));
}
