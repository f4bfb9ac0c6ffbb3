using System.Text.Json;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Backups;

/// <summary><c>payroll drill</c> on the demo data, as the runbook's monthly drill runs it.</summary>
public sealed class DrillTests
{
    /// <summary>The runbook's step 7 on the restored staging database: the same switch as BlueGreenSwitchTests, reported by the drill.</summary>
    [Fact]
    public async Task Drill_WithBlueGreen_OnDemoDataOnPostgreSql_ShouldReportTheSwitchAsAPassingStep()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var seeded = await BackupCli.RunAsync(database.Url, "seed-demo");
        seeded.ExitCode.ShouldBe(0, seeded.StandardError);
        var reportFile = Path.Combine(BackupCli.NewFolder(), "drill-report.json");

        var drill = await BackupCli.RunAsync(database.Url, "drill", "--blue-green", "--report", reportFile);

        drill.ExitCode.ShouldBe(0, drill.StandardOutput + drill.StandardError);
        var steps = JsonDocument.Parse(await File.ReadAllTextAsync(reportFile)).RootElement.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("name").GetString()).ShouldBe(
            ["backup", "restore to staging", "migrate to head", "smoke test", "validate data", "rollback rehearsal", "blue/green switch", "report"]);
        var step = steps.Single(s => s.GetProperty("name").GetString() == "blue/green switch");
        step.GetProperty("status").GetString().ShouldBe("pass", step.GetRawText());
        step.GetProperty("detail").GetString()!.ShouldContain(" 0 failed;");
        var checks = step.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        checks.Keys.ShouldContain("a cookie session from blue works on green");
        checks.Keys.ShouldContain("every acknowledged write exists exactly once");
        checks.Values.ShouldAllBe(status => status == "pass");
        drill.StandardOutput.ShouldContain("blue/green switch");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Drill_OnDemoData_ShouldPassEveryStepReportRtoAndRemoveStaging(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await BackupCli.RunAsync(database.Url, "seed-demo");
        seeded.ExitCode.ShouldBe(0, seeded.StandardError);
        var reportFile = Path.Combine(BackupCli.NewFolder(), "drill-report.json");

        var drill = await BackupCli.RunAsync(database.Url, "drill", "--report", reportFile);

        drill.ExitCode.ShouldBe(0, drill.StandardOutput + drill.StandardError);
        drill.StandardOutput.ShouldContain($"DR drill on {database.Settings.SafeDisplay}: PASSED");
        drill.StandardOutput.ShouldContain("RTO (backup start to healthy staging): ");
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportFile)).RootElement;
        report.GetProperty("passed").GetBoolean().ShouldBeTrue();
        report.GetProperty("rtoSeconds").GetDouble().ShouldBeGreaterThan(0);
        report.GetProperty("rpoSeconds").GetDouble().ShouldBeGreaterThan(0);
        var steps = report.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("name").GetString()).ShouldBe(
            ["backup", "restore to staging", "migrate to head", "smoke test", "validate data", "rollback rehearsal", "report"]);
        steps.ShouldAllBe(s => s.GetProperty("status").GetString() == "pass");
        var checks = steps.SelectMany(s => s.GetProperty("checks").EnumerateArray()).ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        checks["GET /api/healthz"].GetProperty("status").GetString().ShouldBe("pass");
        checks["download an export"].GetProperty("detail").GetString()!.ShouldStartWith("200 text/csv, ");
        // seed-demo: demo-co's 12 employees (SSNs) and demo-kr's 5 (주민등록번호), all in the sample.
        checks["rows and checksums"].GetProperty("detail").GetString()!.ShouldContain("employees 17");
        checks["sample SSNs decrypt"].GetProperty("detail").GetString().ShouldBe("17 of 17 decrypt with PII_ENCRYPTION_KEYS");
        checks["migrate down"].GetProperty("detail").GetString().ShouldBe("reverted 9902_seed_rehearsal_probe, 9901_create_rehearsal_probe");

        checks["log in as a drill-only user"].GetProperty("status").GetString().ShouldBe("pass");
        checks["log in as a drill-only user"].GetProperty("detail").GetString()!.ShouldContain("signed in as payroll_manager of company");
        drill.StandardOutput.ShouldNotContain("NOT DONE");

        report.GetProperty("stagingKept").GetBoolean().ShouldBeFalse();
        var staging = report.GetProperty("staging").GetString()!;
        if (provider == DatabaseProvider.Sqlite)
        {
            File.Exists(DatabaseSettings.Parse(staging).SqlitePath).ShouldBeFalse();
        }
        else
        {
            await using var admin = new NpgsqlConnection(database.Settings.ConnectionString);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
            command.Parameters.AddWithValue("name", staging[(staging.LastIndexOf('/') + 1)..]);
            ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Drill_WhenThePiiKeysDoNotOpenTheData_ShouldFailTheValidationStepAndExit8()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (await BackupCli.RunAsync(database.Url, "seed-demo")).ExitCode.ShouldBe(0);
        var environment = BackupCli.Environment(database.Url);
        environment[PiiKeyRing.Variable] = PiiKeyRing.NewEntry("lost");

        var drill = await PayrollProcess.RunAsync(["drill"], environment, BackupCli.Timeout);

        drill.ExitCode.ShouldBe(8);
        drill.StandardOutput.ShouldContain(": FAILED");
        drill.StandardOutput.ShouldContain("FAIL     sample SSNs decrypt: 17 of 17 do not: ");
        drill.StandardOutput.ShouldContain("which is not in PII_ENCRYPTION_KEYS");
    }
}
