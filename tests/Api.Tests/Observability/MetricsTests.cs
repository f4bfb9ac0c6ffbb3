using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Observability;

/// <summary>GET /metrics as Prometheus and an operator meet it: what it counts, and who may read it.</summary>
public sealed class MetricsTests
{
    private const string Token = "metrics-token-0123456789abcdef0123456789";

    [Fact]
    public async Task HttpHistogram_WhenRequestsAreServed_ShouldCountEachRequestOnceByRouteTemplateMethodAndStatus()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync("/api/livez")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync($"/api/companies/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await client.PostAsJsonAsync("/api/companies", new { name = "", slug = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/api/companies", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var metrics = await ScrapeAsync(client);

        Count(metrics, "/api/livez", "GET", "200").ShouldBe(5);
        Count(metrics, "/api/companies/{id:guid}", "GET", "404").ShouldBe(3);
        Count(metrics, "/api/companies/", "POST", "400").ShouldBe(2); // one invalid, one malformed (through the exception handler)
        metrics.Named("http_request_duration_seconds_count").Where(s => s.Labels["endpoint"] != "").Sum(s => s.Value).ShouldBe(10);
        metrics.Value("http_requests_in_progress", ("method", "GET"), ("endpoint", "/api/livez")).ShouldBe(0);
        metrics.Value("http_request_duration_seconds_bucket", ("endpoint", "/api/livez"), ("method", "GET"), ("code", "200"), ("le", "+Inf")).ShouldBe(5);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BusinessCounters_WhenPayrollsAreCreatedApprovedAndRetried_ShouldCountCommittedEventsAndReplaysOnce(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var client = app.CreateClient();
        var company = await app.CompanyAsync();
        var employee = await app.EmployeeAsync(company.Id, "123-45-6789");
        var body = JsonSerializer.Serialize(new
        {
            periodStart = "2026-01-01", periodEnd = "2026-01-31", payDate = "2026-01-30", payFrequency = "monthly",
            lines = new[] { new { employeeId = employee.Id, grossWages = 5000.00m } },
        });

        var created = await client.SendAsync(Keyed($"/api/companies/{company.Id}/payrolls", "post-1", body));
        var replayed = await client.SendAsync(Keyed($"/api/companies/{company.Id}/payrolls", "post-1", body));
        var reused = await client.SendAsync(Keyed($"/api/companies/{company.Id}/payrolls", "post-1", body.Replace("5000", "5001", StringComparison.Ordinal)));
        var payrollId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var approved = await client.PostAsync($"/api/companies/{company.Id}/payrolls/{payrollId}/approve", null);
        var approvedAgain = await client.PostAsync($"/api/companies/{company.Id}/payrolls/{payrollId}/approve", null);
        var invalid = await client.PostAsJsonAsync($"/api/companies/{company.Id}/payrolls", new { lines = Array.Empty<object>() });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        replayed.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        approvedAgain.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var metrics = await ScrapeAsync(client);
        metrics.Value("payroll_payrolls_created_total").ShouldBe(1);
        metrics.Value("payroll_payrolls_approved_total").ShouldBe(1);
        metrics.Value("payroll_idempotent_replays_total").ShouldBe(1);
        metrics.Value("payroll_idempotency_conflicts_total", ("reason", "key_reuse")).ShouldBe(1);
        metrics.Value("payroll_schema_at_head").ShouldBe(1);
        metrics.Value("payroll_schema_problems").ShouldBe(0);
        metrics.Named("payroll_schema_info").Single().Labels["current"].ShouldBe(metrics.Named("payroll_schema_info").Single().Labels["head"]);
    }

    [Fact]
    public async Task BackupAge_WhenManifestsExist_ShouldReportTheNewestSuccessfulOneAndSkipBrokenOrFailedFiles()
    {
        var backups = Directory.CreateTempSubdirectory("payroll-backups-");
        try
        {
            var newest = DateTimeOffset.UtcNow.AddHours(-2);
            await File.WriteAllTextAsync(Path.Combine(backups.FullName, "app_20260101T000000Z.db.json"), $$"""{"createdAt":"{{DateTimeOffset.UtcNow.AddDays(-3):O}}","provider":"sqlite"}""");
            await File.WriteAllTextAsync(Path.Combine(backups.FullName, "app_new.db.json"), $$"""{"provider":"sqlite","createdAt":"{{newest.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","sizeBytes":1}""");
            await File.WriteAllTextAsync(Path.Combine(backups.FullName, "app_failed.db.json"), $$"""{"createdAt":"{{DateTimeOffset.UtcNow:O}}","status":"failed"}""");
            await File.WriteAllTextAsync(Path.Combine(backups.FullName, "truncated.json"), """{"createdAt":""");
            await File.WriteAllTextAsync(Path.Combine(backups.FullName, "no-date.json"), """{"provider":"sqlite"}""");
            await using var app = await StartAsync(DatabaseProvider.Sqlite, ("BACKUP_DIR", backups.FullName));

            var metrics = await ScrapeAsync(app.CreateClient());

            metrics.Value("payroll_backup_last_success_timestamp_seconds")!.Value.ShouldBe(newest.ToUnixTimeSeconds(), tolerance: 1);
            metrics.Value("payroll_backup_last_success_age_seconds")!.Value.ShouldBeInRange(7200 - 5, 7200 + 600);
        }
        finally
        {
            backups.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BackupAge_WhenPayrollBackupWroteTheManifest_ShouldReadItsCreatedAt()
    {
        var backups = Directory.CreateTempSubdirectory("payroll-backups-");
        try
        {
            var createdAt = DateTimeOffset.UtcNow.AddMinutes(-30);
            var manifest = new PayrollPortal.Infrastructure.Backups.BackupManifest(
                PayrollPortal.Infrastructure.Backups.BackupManifest.CurrentFormat, createdAt, createdAt.AddSeconds(-4), "sqlite", "0005",
                "app_20260101T000000Z.db", 4096, new string('a', 64), [new("companies", 1, null)], "0.1.0");
            await manifest.WriteAsync(Path.Combine(backups.FullName, "app_20260101T000000Z.db"), CancellationToken.None);
            await using var app = await StartAsync(DatabaseProvider.Sqlite, ("BACKUP_DIR", backups.FullName));

            var metrics = await ScrapeAsync(app.CreateClient());

            metrics.Value("payroll_backup_last_success_timestamp_seconds")!.Value.ShouldBe(createdAt.ToUnixTimeMilliseconds() / 1000.0, tolerance: 0.01);
        }
        finally
        {
            backups.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BackupAge_WhenNoManifestExists_ShouldBeAbsentSoThatAnAlertOnAbsenceFires()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite, ("BACKUP_DIR", Path.Combine(Path.GetTempPath(), "payroll-no-backups-" + Guid.NewGuid().ToString("N"))));

        var metrics = await ScrapeAsync(app.CreateClient());

        metrics.Value("payroll_backup_last_success_age_seconds").ShouldBeNull();
        metrics.Value("payroll_schema_at_head").ShouldBe(1);
    }

    [Fact]
    public async Task Metrics_WhenTokenIsMissingOrWrong_ShouldAnswer401WithoutAnyMetric()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var anonymous = await client.GetAsync("/metrics");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        var wrongToken = await client.SendAsync(wrong);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        (await anonymous.Content.ReadAsStringAsync()).ShouldNotContain("http_request_duration_seconds");
        wrongToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Metrics_WhenNeitherPortNorTokenIsConfigured_ShouldNotBeServed()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_WhenMetricsPortIsSet_ShouldServeThemThereOnlyAndCountTheApiRequests()
    {
        var port = PayrollProcess.FreePort();
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["METRICS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = app.CreateClient();
        (await client.GetAsync("/api/livez")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var onApiPort = await client.GetAsync("/metrics");
        using var scraper = new HttpClient();
        var onMetricsPort = await scraper.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        onApiPort.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        onMetricsPort.StatusCode.ShouldBe(HttpStatusCode.OK);
        onMetricsPort.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        Count(PrometheusText.Parse(await onMetricsPort.Content.ReadAsStringAsync()), "/api/livez", "GET", "200").ShouldBe(1);
    }

    [Fact]
    public async Task Startup_WhenMetricsTokenIsTooShort_ShouldRefuseWithConfigurationExitCode()
    {
        var outcome = await PayrollProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["METRICS_TOKEN"] = "short",
            ["DATABASE_URL"] = "sqlite:///" + Path.Combine(Path.GetTempPath(), "payroll-metrics-" + Guid.NewGuid().ToString("N") + ".db"),
            ["PORT"] = PayrollProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, TimeSpan.FromSeconds(60));

        outcome.ExitCode.ShouldBe(2);
        outcome.StandardError.ShouldContain("METRICS_TOKEN");
    }

    private static Task<PayrollApp> StartAsync(DatabaseProvider provider, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["METRICS_TOKEN"] = Token };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return PayrollApp.StartAsync(provider, all);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static double? Count(PrometheusText metrics, string endpoint, string method, string code) =>
        metrics.Value("http_request_duration_seconds_count", ("endpoint", endpoint), ("method", method), ("code", code));

    private static HttpRequestMessage Keyed(string path, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
