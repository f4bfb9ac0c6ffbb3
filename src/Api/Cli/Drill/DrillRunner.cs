using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Backups;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli.Drill;

/// <summary>
/// The runbook's DR drill against the configured database: back up, restore into a new staging database, migrate it to head,
/// serve the real application on it and use it, compare its data with the source as of the backup, rehearse a rollback, and
/// report each step with the measured RTO and RPO. Staging is removed unless kept.
/// </summary>
internal sealed class DrillRunner(CliContext context, IServiceProvider services, string rehearsalScripts, bool keep, bool blueGreen = false) : IAsyncDisposable
{
    private readonly List<DrillStep> _steps = [];
    private readonly DatabaseSettings _source = services.GetRequiredService<DatabaseSettings>();
    private readonly TimeProvider _clock = services.GetRequiredService<TimeProvider>();

    private DatabaseBackup.Result? _backup;
    private ScratchDatabase? _staging;
    private StandaloneDatabase? _stagingDb;
    private StagingServer? _server;
    private DateTimeOffset? _healthyAt;

    private const string BlueGreenStep = "blue/green switch";
    private string? _work;

    public async Task<DrillReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        var work = _work = Path.Combine(Path.GetTempPath(), $"payroll-drill-{started.UtcDateTime:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        try
        {
            var ok = await StepAsync("backup", _ => BackupAsync(work, cancellationToken))
                && await StepAsync("restore to staging", _ => RestoreAsync(work, started, cancellationToken))
                && await StepAsync("migrate to head", _ => MigrateAsync(cancellationToken))
                && await StepAsync("smoke test", checks => SmokeAsync(checks, cancellationToken))
                && await StepAsync("validate data", checks => ValidateAsync(checks, cancellationToken))
                && await StepAsync("rollback rehearsal", checks => RehearseAsync(checks, cancellationToken))
                && (!blueGreen || await StepAsync(BlueGreenStep, checks => BlueGreenAsync(work, checks, cancellationToken)));
            _ = ok;
        }
        finally
        {
            await DisposeAsync();
        }

        string[] all = ["backup", "restore to staging", "migrate to head", "smoke test", "validate data", "rollback rehearsal", .. (blueGreen ? new[] { BlueGreenStep } : [])];
        foreach (var missing in all.Skip(_steps.Count))
        {
            _steps.Add(new DrillStep(missing, DrillStatus.NotRun, 0, "an earlier step failed", []));
        }

        var passed = _steps.All(s => s.Status == DrillStatus.Pass && s.Checks.All(c => c.Status is DrillStatus.Pass or DrillStatus.NotAvailable));
        _steps.Add(new DrillStep("report", DrillStatus.Pass, 0, passed ? "every step passed" : "a step failed", []));

        // A drill's backup is fresh, so the data it restores is as old as the time it took to get staging healthy: RTO and
        // RPO coincide here. In an incident the RPO is the age of the newest backup (or archive_timeout with WAL archiving).
        var recovered = _healthyAt is { } healthy && _backup is { } b ? (healthy - b.Manifest.StartedAt).TotalSeconds : (double?)null;
        return new DrillReport(
            _source.SafeDisplay, started, _clock.GetUtcNow(), passed, recovered, recovered, _backup?.File, _staging?.Settings.SafeDisplay,
            keep && _staging is not null, [.. _steps]);
    }

    /// <summary>Runs one step; its checks are recorded, and any failed check or exception fails the step.</summary>
    private async Task<bool> StepAsync(string name, Func<List<DrillCheck>, Task<string>> run)
    {
        var checks = new List<DrillCheck>();
        var stopwatch = Stopwatch.StartNew();
        DrillStep step;
        try
        {
            var detail = await run(checks);
            var failed = checks.FirstOrDefault(c => c.Status == DrillStatus.Fail);
            step = new DrillStep(name, failed is null ? DrillStatus.Pass : DrillStatus.Fail, stopwatch.Elapsed.TotalSeconds, failed is null ? detail : $"{failed.Name}: {failed.Detail}", checks);
        }
        catch (Exception ex) when (ex is BackupException or DbException or HttpRequestException or IOException or InvalidOperationException
                                       or TimeoutException or JsonException or Infrastructure.Persistence.Migrations.MigrationException or TaskCanceledException)
        {
            step = new DrillStep(name, DrillStatus.Fail, stopwatch.Elapsed.TotalSeconds, MigrationReport.OneLine(ex.Message), checks);
        }

        _steps.Add(step);
        await context.Out.WriteLineAsync($"{_steps.Count}. {name}: {(step.Status == DrillStatus.Pass ? "pass" : "FAIL")} ({step.Seconds:0.00} s) {step.Detail}");
        return step.Status == DrillStatus.Pass;
    }

    private async Task<string> BackupAsync(string work, CancellationToken cancellationToken)
    {
        _backup = await services.GetRequiredService<DatabaseBackup>().CreateAsync(Path.Combine(work, "backups"), BackupVerb.TerminalProgress(context), cancellationToken);
        return $"{Path.GetFileName(_backup.File)}, {BackupVerb.Size(_backup.Manifest.SizeBytes)}, schema {_backup.Manifest.SchemaVersion}";
    }

    private async Task<string> RestoreAsync(string work, DateTimeOffset started, CancellationToken cancellationToken)
    {
        _staging = _source.Provider == DatabaseProvider.Sqlite
            ? ScratchDatabase.Sqlite(work, "staging.db")
            : await ScratchDatabase.PostgresAsync(_source, ScratchDatabase.PostgresName(_source, "drill", started), cancellationToken);
        _staging.Keep = keep;
        await services.GetRequiredService<BackupRestore>().RestoreAsync(_backup!.File, _staging.Settings, force: false, cancellationToken);
        _stagingDb = new StandaloneDatabase(_staging.Settings);
        return $"into {_staging.Settings.SafeDisplay}";
    }

    private async Task<string> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = await _stagingDb!.Migrator.UpAsync(toVersion: null, cancellationToken);
        var status = await _stagingDb.Migrator.VerifyAsync(cancellationToken);
        if (!status.IsAtHead)
        {
            throw new InvalidOperationException($"staging is not at head after migrating: {string.Join("; ", status.Problems)}");
        }

        return applied.Count == 0 ? $"already at head {status.HeadVersion}" : $"applied {string.Join(", ", applied.Select(a => a.ScriptName))}; at head {status.HeadVersion}";
    }

    private async Task<string> SmokeAsync(List<DrillCheck> checks, CancellationToken cancellationToken)
    {
        _server = await StagingServer.StartAsync(context.Configuration, UrlOf(_staging!.Settings), cancellationToken);
        var client = _server.Client;

        using (var health = await client.GetAsync("api/healthz", cancellationToken))
        {
            var body = await health.Content.ReadAsStringAsync(cancellationToken);
            if (health.StatusCode == HttpStatusCode.OK)
            {
                _healthyAt = _clock.GetUtcNow();
            }

            checks.Add(Check("GET /api/healthz", health.StatusCode == HttpStatusCode.OK, $"{(int)health.StatusCode} {body}"));
        }

        using (var meta = await client.GetAsync("api/meta", cancellationToken))
        {
            var body = meta.IsSuccessStatusCode ? await meta.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : default;
            var ok = meta.StatusCode == HttpStatusCode.OK && body.GetProperty("database").GetString() == _source.ProviderName;
            checks.Add(Check("GET /api/meta", ok, ok ? $"200, database {_source.ProviderName}, schema {body.GetProperty("schemaVersion")}" : $"{(int)meta.StatusCode}"));
        }

        await using var connection = await _stagingDb!.OpenAsync(cancellationToken);
        var payroll = await connection.QueryFirstOrDefaultAsync<(string Id, string CompanyId)>(
            new CommandDefinition("SELECT CAST(id AS text), CAST(company_id AS text) FROM payrolls ORDER BY pay_date DESC, id LIMIT 1", cancellationToken: cancellationToken));
        if (payroll.Id is null)
        {
            checks.Add(new DrillCheck("log in as a drill-only user", DrillStatus.Fail, "staging holds no payroll (so no company to be a member of); run the drill on a database with data"));
            return $"served on {_server.Address}";
        }

        var csrf = await LogInAsync(client, Guid.Parse(payroll.CompanyId), checks, cancellationToken);
        if (csrf is not null)
        {
            checks.Add(await ExportAsync(client, payroll, csrf, cancellationToken));
        }

        return $"served on {_server.Address}";
    }

    /// <summary>Signs in as a drill-only payroll manager of the company; the client keeps the session cookie. Returns the CSRF token.</summary>
    private async Task<string?> LogInAsync(HttpClient client, Guid companyId, List<DrillCheck> checks, CancellationToken cancellationToken)
    {
        const string name = "log in as a drill-only user";
        var (email, password) = await _server!.CreateDrillUserAsync(companyId, cancellationToken);
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email, password }, cancellationToken);
        if (login.StatusCode != HttpStatusCode.OK)
        {
            checks.Add(new DrillCheck(name, DrillStatus.Fail, $"POST /api/auth/login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(cancellationToken)}"));
            return null;
        }

        var body = await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var role = body.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("role").GetString()).FirstOrDefault();
        checks.Add(Check(name, role == CompanyRoles.PayrollManager, $"200, {email} signed in as {role} of company {companyId}"));
        return body.GetProperty("csrfToken").GetString();
    }

    private static async Task<DrillCheck> ExportAsync(HttpClient client, (string Id, string CompanyId) payroll, string csrf, CancellationToken cancellationToken)
    {
        const string name = "download an export";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/companies/{payroll.CompanyId}/exports")
        {
            Content = JsonContent.Create(new { scope = new { payrollId = payroll.Id }, format = "csv" }),
        };
        request.Headers.Add("X-CSRF-Token", csrf);
        using var issued = await client.SendAsync(request, cancellationToken);
        if (issued.StatusCode != HttpStatusCode.Created)
        {
            return new DrillCheck(name, DrillStatus.Fail, $"POST exports: {(int)issued.StatusCode} {await issued.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var url = (await issued.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("url").GetString()!;
        using var file = await client.GetAsync(url.TrimStart('/'), cancellationToken);
        var csv = await file.Content.ReadAsStringAsync(cancellationToken);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var ok = file.StatusCode == HttpStatusCode.OK && file.Content.Headers.ContentType?.MediaType == "text/csv" && lines > 1;
        return Check(name, ok, $"{(int)file.StatusCode} {file.Content.Headers.ContentType?.MediaType}, {lines} line(s), payroll {payroll.Id}");
    }

    private async Task<string> ValidateAsync(List<DrillCheck> checks, CancellationToken cancellationToken)
    {
        var contentTables = DataFingerprint.ContentTables.Select(t => t.Table).ToHashSet(StringComparer.Ordinal);
        var expected = _backup!.Manifest.Tables.Where(t => contentTables.Contains(t.Table)).ToList();
        var actual = (await _stagingDb!.SummarizeAsync(_backup.Manifest.FormatVersion, cancellationToken)).Where(t => contentTables.Contains(t.Table)).ToList();
        var differences = DataFingerprint.Compare(expected, actual);
        checks.Add(Check("rows and checksums", differences.Count == 0, differences.Count == 0
            ? string.Join(", ", actual.Select(t => $"{t.Table} {t.Rows}")) + " equal the source as of the backup"
            : string.Join("; ", differences)));

        await using var connection = await _stagingDb.OpenAsync(cancellationToken);
        var pii = await PiiSample.CheckAsync(connection, services.GetRequiredService<IPiiProtector>(), BackupVerifier.SsnSampleSize, cancellationToken);
        checks.Add(Check("sample SSNs decrypt", pii.Ok && pii.Sampled > 0, pii.Sampled == 0
            ? "no employee to sample"
            : pii.Ok ? $"{pii.Decrypted} of {pii.Sampled} decrypt with PII_ENCRYPTION_KEYS" : $"{pii.Failures.Count} of {pii.Sampled} do not: {pii.Failures[0]}"));
        return $"{expected.Count} table(s) compared";
    }

    private async Task<string> RehearseAsync(List<DrillCheck> checks, CancellationToken cancellationToken)
    {
        await using var rehearsal = new StandaloneDatabase(_staging!.Settings, rehearsalScripts);
        var applied = await rehearsal.Migrator.UpAsync(toVersion: null, cancellationToken);
        checks.Add(Check("apply the dummy migration", applied.Count > 0, $"applied {string.Join(", ", applied.Select(a => a.ScriptName))}"));
        var reverted = await rehearsal.Migrator.DownAsync(applied.Count, cancellationToken);
        checks.Add(Check("migrate down", reverted.Count == applied.Count, $"reverted {string.Join(", ", reverted.Select(r => r.ScriptName))}"));

        var status = await _stagingDb!.Migrator.VerifyAsync(cancellationToken);
        checks.Add(Check("migrate verify", status.IsAtHead, status.IsAtHead ? $"at head {status.HeadVersion}" : string.Join("; ", status.Problems)));
        using var health = await _server!.Client.GetAsync("api/healthz", cancellationToken);
        checks.Add(Check("GET /api/healthz after migrate down", health.StatusCode == HttpStatusCode.OK, $"{(int)health.StatusCode} {await health.Content.ReadAsStringAsync(cancellationToken)}"));
        return $"{applied.Count} rehearsal migration(s) applied and reverted from {rehearsalScripts}";
    }

    /// <summary>
    /// The runbook's step 7 on staging (<see cref="BlueGreen.BlueGreenSwitch"/>): blue and green are this build, as child
    /// processes with the operator's PII keys, behind HAProxy; green brings the rehearsal's expand migrations.
    /// </summary>
    private async Task<string> BlueGreenAsync(string work, List<DrillCheck> checks, CancellationToken cancellationToken)
    {
        if (_staging!.Settings.Provider != DatabaseProvider.PostgreSql)
        {
            checks.Add(new DrillCheck("blue/green switch", DrillStatus.NotAvailable, "several instances need PostgreSQL; a SQLite deployment runs one"));
            return "not available on SQLite";
        }

        var haproxy = BlueGreen.HaProxy.Find(context.Configuration["HAPROXY_BIN"]);
        if (haproxy is null)
        {
            checks.Add(new DrillCheck("blue/green switch", DrillStatus.Fail, "HAProxy not found (HAPROXY_BIN, PATH, /usr/sbin/haproxy): apt-get install haproxy"));
            return "no load balancer";
        }

        var (email, password) = await _server!.CreateDrillAdminAsync(cancellationToken);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [Infrastructure.Security.PiiKeyRing.Variable] = context.Configuration[Infrastructure.Security.PiiKeyRing.Variable],
            [Infrastructure.Exports.ExportSigningKeys.Variable] = context.Configuration[Infrastructure.Exports.ExportSigningKeys.Variable],
        };
        var report = await new BlueGreen.BlueGreenSwitch(new BlueGreen.BlueGreenOptions(
            UrlOf(_staging.Settings), BlueGreen.ServerCommand.OfThisBuild(), environment, email, password, rehearsalScripts, haproxy,
            Path.Combine(work, "bluegreen"))).RunAsync(cancellationToken);
        checks.AddRange(report.Checks);
        return report.Summary;
    }

    /// <summary>Stops the staging server and removes staging and the drill's backup, unless kept; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        if (_stagingDb is not null)
        {
            await _stagingDb.DisposeAsync();
            _stagingDb = null;
        }

        if (_staging is not null)
        {
            await _staging.DisposeAsync();
        }

        if (!keep && _work is not null && Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static DrillCheck Check(string name, bool ok, string detail) => new(name, ok ? DrillStatus.Pass : DrillStatus.Fail, detail);

    /// <summary>The staging database as a DATABASE_URL for the in-process server, with the source's credentials.</summary>
    private static string UrlOf(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            return "sqlite:///" + settings.SqlitePath;
        }

        var b = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var user = b.Username is null ? string.Empty : Uri.EscapeDataString(b.Username) + (b.Password is null ? string.Empty : ":" + Uri.EscapeDataString(b.Password)) + "@";
        var ssl = b.SslMode switch
        {
            Npgsql.SslMode.Disable => "disable",
            Npgsql.SslMode.Require => "require",
            Npgsql.SslMode.VerifyCA => "verify-ca",
            Npgsql.SslMode.VerifyFull => "verify-full",
            Npgsql.SslMode.Allow => "allow",
            _ => "prefer",
        };
        return $"postgresql://{user}{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database!)}?sslmode={ssl}";
    }
}
