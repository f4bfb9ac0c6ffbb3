using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Backups;

/// <summary><c>payroll backup</c>, <c>backup verify</c>, <c>restore</c> and <c>backup prune</c> as an operator runs them.</summary>
public sealed class BackupTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Backup_WhileAWriterKeepsPostingPayrolls_ShouldRestoreAndPassIntegrityAndItsManifest(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var (companyId, employees) = await BackupCli.CompanyWithEmployeesAsync(client);
        await BackupCli.PostPayrollAsync(client, companyId, employees, 1);
        using var stop = new CancellationTokenSource();
        var posted = 1;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await BackupCli.PostPayrollAsync(client, companyId, employees, 1 + (posted % 12), 1000m + posted);
                posted++;
            }
        });
        var folder = BackupCli.NewFolder();

        var backup = await BackupCli.RunAsync(app.Database.Url, "backup", "--out", folder);
        var postedWhenTheBackupEnded = posted;
        await BackupCli.PostPayrollAsync(client, companyId, employees, 2);
        await stop.CancelAsync();
        await writer;

        backup.ExitCode.ShouldBe(0, backup.StandardError);
        var file = BackupCli.BackupFile(backup);
        Path.GetFileName(file).ShouldMatch(provider == DatabaseProvider.Sqlite ? @"^app_\d{8}T\d{6}Z\.db$" : @"^backup_\d{8}T\d{6}Z\.dump$");
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe([Path.GetFileName(file), Path.GetFileName(file) + ".json"]);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(file + ".json")).RootElement;
        manifest.GetProperty("provider").GetString().ShouldBe(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql");
        manifest.GetProperty("sizeBytes").GetInt64().ShouldBe(new FileInfo(file).Length);
        var tables = manifest.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!, t => t);
        var payrollsInBackup = tables["payrolls"].GetProperty("rows").GetInt64();
        payrollsInBackup.ShouldBeGreaterThanOrEqualTo(1);
        payrollsInBackup.ShouldBeLessThanOrEqualTo(postedWhenTheBackupEnded);
        tables["payroll_lines"].GetProperty("rows").GetInt64().ShouldBe(payrollsInBackup * 2, "a consistent snapshot has both lines of every payroll");
        foreach (var content in new[] { "companies", "employees", "employee_w4s", "payrolls", "payroll_lines" })
        {
            tables[content].GetProperty("contentSha256").GetString()!.ShouldMatch("^[0-9a-f]{64}$");
        }

        var verify = await BackupCli.RunAsync(app.Database.Url, "backup", "verify", file);
        verify.ExitCode.ShouldBe(0, verify.StandardOutput + verify.StandardError);
        verify.StandardOutput.ShouldContain("ok    integrity:");
        verify.StandardOutput.ShouldContain("ok    rows and checksums:");
        verify.StandardOutput.ShouldContain("ok    pii keys: 2 of 2 sampled SSN(s) decrypt");

        await using var target = await TestDatabase.CreateAsync(provider);
        var restore = await BackupCli.RunAsync(app.Database.Url, "restore", file, "--target", target.Url);
        restore.ExitCode.ShouldBe(0, restore.StandardError);
        restore.StandardOutput.ShouldContain(": up to date");
        (await BackupCli.CountAsync(target.Settings, "SELECT count(*) FROM payrolls")).ShouldBe(payrollsInBackup);
        (await BackupCli.CountAsync(app.Database.Settings, "SELECT count(*) FROM payrolls")).ShouldBeGreaterThan(payrollsInBackup);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task Verify_WhenTheBackupIsCorrupted_ShouldFailWithAClearMessage(DatabaseProvider provider, string corruption)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, employees) = await BackupCli.CompanyWithEmployeesAsync(app.CreateClient());
        await BackupCli.PostPayrollAsync(app.CreateClient(), companyId, employees, 3);
        var backup = await BackupCli.RunAsync(app.Database.Url, "backup", "--out", BackupCli.NewFolder());
        backup.ExitCode.ShouldBe(0, backup.StandardError);
        var file = BackupCli.BackupFile(backup);
        var bytes = await File.ReadAllBytesAsync(file);
        if (corruption == "flipped")
        {
            bytes[bytes.Length / 2] ^= 0xFF;
            bytes[(bytes.Length / 2) + 1] ^= 0x55;
        }
        else
        {
            bytes = bytes[..(bytes.Length * 2 / 3)];
        }

        await File.WriteAllBytesAsync(file, bytes);

        var verify = await BackupCli.RunAsync(app.Database.Url, "backup", "verify", file);

        verify.ExitCode.ShouldBe(8);
        verify.StandardOutput.ShouldContain("FAIL  manifest:");
        verify.StandardError.ShouldContain($"payroll: backup verify: {Path.GetFileName(file)} is not a good backup: manifest:");
        verify.StandardError.ShouldContain(corruption == "flipped" ? "the file was corrupted or changed after the backup" : "the file was truncated or changed after the backup");
    }

    public static TheoryData<DatabaseProvider, string> Corruptions => new()
    {
        { DatabaseProvider.Sqlite, "flipped" },
        { DatabaseProvider.Sqlite, "truncated" },
        { DatabaseProvider.PostgreSql, "flipped" },
        { DatabaseProvider.PostgreSql, "truncated" },
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Restore_WhenTheFileIsNotABackup_ShouldRefuseAndLeaveTheTargetUntouched(DatabaseProvider provider)
    {
        await using var target = await PayrollApp.StartAsync(provider);
        await BackupCli.CompanyWithEmployeesAsync(target.CreateClient(), "keep-me");
        var folder = BackupCli.NewFolder();
        var garbage = Path.Combine(folder, provider == DatabaseProvider.Sqlite ? "app_20260101T000000Z.db" : "backup_20260101T000000Z.dump");
        await File.WriteAllTextAsync(garbage, "this is not a backup\n" + new string('x', 4096));

        var restore = await BackupCli.RunAsync(target.Database.Url, "restore", garbage, "--force");

        restore.ExitCode.ShouldBe(8);
        restore.StandardError.ShouldContain(provider == DatabaseProvider.Sqlite ? "is not a SQLite database" : "is not a pg_dump custom-format archive");
        (await BackupCli.CountAsync(target.Database.Settings, "SELECT count(*) FROM companies WHERE slug = 'keep-me'")).ShouldBe(1);
        (await BackupCli.CountAsync(target.Database.Settings, "SELECT count(*) FROM employees")).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Restore_WhenTheTargetHoldsDataAndNoForce_ShouldExit6AndLeaveItUntouched(DatabaseProvider provider)
    {
        await using var source = await PayrollApp.StartAsync(provider);
        await BackupCli.CompanyWithEmployeesAsync(source.CreateClient(), "source");
        var backup = await BackupCli.RunAsync(source.Database.Url, "backup", "--out", BackupCli.NewFolder());
        backup.ExitCode.ShouldBe(0, backup.StandardError);
        await using var target = await TestDatabase.CreateAsync(provider);
        await using (var server = PayrollApp.StartOn(target))
        {
            await BackupCli.CompanyWithEmployeesAsync(server.CreateClient(), "target");
        }

        var refused = await BackupCli.RunAsync(target.Url, "restore", BackupCli.BackupFile(backup));

        refused.ExitCode.ShouldBe(6);
        refused.StandardError.ShouldContain("already holds tables; pass --force");
        (await BackupCli.CountAsync(target.Settings, "SELECT count(*) FROM companies WHERE slug = 'target'")).ShouldBe(1);

        // With its servers stopped, as the runbook says, --force replaces the target. (This process's pooled SQLite
        // connections count as a server: restore refuses a file that any process has open.)
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var forced = await BackupCli.RunAsync(target.Url, "restore", BackupCli.BackupFile(backup), "--force");
        forced.ExitCode.ShouldBe(0, forced.StandardError);
        (await BackupCli.CountAsync(target.Settings, "SELECT count(*) FROM companies WHERE slug = 'source'")).ShouldBe(1);
        (await BackupCli.CountAsync(target.Settings, "SELECT count(*) FROM companies WHERE slug = 'target'")).ShouldBe(0);
    }

    [Fact]
    public async Task Restore_WhenASqliteTargetIsOpenInARunningServer_ShouldRefuseEvenWithForceAndLoseNoWrite()
    {
        await using var source = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        await BackupCli.CompanyWithEmployeesAsync(source.CreateClient(), "source");
        var backup = await BackupCli.RunAsync(source.Database.Url, "backup", "--out", BackupCli.NewFolder());
        backup.ExitCode.ShouldBe(0, backup.StandardError);
        await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var server = PayrollApp.StartOn(target))
        {
            var client = server.CreateClient();
            await BackupCli.CompanyWithEmployeesAsync(client, "live");

            // The server keeps its file open, as a running server does. Held here in use, because other tests in this
            // process dispose SQLite databases, which clears every idle pooled connection, this server's included.
            await using var serving = server.Services.CreateAsyncScope();
            await serving.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);

            var refused = await BackupCli.RunAsync(target.Url, "restore", BackupCli.BackupFile(backup), "--force");

            refused.ExitCode.ShouldBe(6);
            refused.StandardError.ShouldContain("is open in another process");
            // The server goes on working on its own file, and what it writes after the refusal is kept.
            await BackupCli.CompanyWithEmployeesAsync(client, "after-refusal");
            (await client.GetAsync("/api/healthz")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        (await BackupCli.CountAsync(target.Settings, "SELECT count(*) FROM companies WHERE slug IN ('live', 'after-refusal')")).ShouldBe(2);
        (await BackupCli.CountAsync(target.Settings, "SELECT count(*) FROM companies WHERE slug = 'source'")).ShouldBe(0);

        // Stopped: the server is gone, and this process closes its pooled connections to the file too.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var forced = await BackupCli.RunAsync(target.Url, "restore", BackupCli.BackupFile(backup), "--force");
        forced.ExitCode.ShouldBe(0, forced.StandardError);
        (await BackupCli.CountAsync(target.Settings, "SELECT count(*) FROM companies WHERE slug = 'source'")).ShouldBe(1);
    }

    [Fact]
    public async Task Backup_WhenPgDumpIsMissing_ShouldExit2AndLeaveNoFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var folder = BackupCli.NewFolder();
        var environment = BackupCli.Environment(database.Url);
        environment["PG_BIN"] = BackupCli.NewFolder();

        var backup = await PayrollProcess.RunAsync(["backup", "--out", folder], environment, BackupCli.Timeout);

        backup.ExitCode.ShouldBe(2);
        backup.StandardError.ShouldContain("pg_dump was not found in PG_BIN=");
        Directory.GetFiles(folder).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("postgresql://postgres@127.0.0.1:1/payroll")]
    [InlineData("sqlite:////nonexistent-folder-for-payroll-tests/app.db")]
    public async Task Backup_WhenTheDatabaseIsUnreachable_ShouldExit7AndLeaveNoFile(string url)
    {
        var folder = BackupCli.NewFolder();

        var backup = await BackupCli.RunAsync(url, "backup", "--out", folder);

        backup.ExitCode.ShouldBe(7);
        backup.StandardError.ShouldStartWith("payroll: backup: ");
        Directory.GetFiles(folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Prune_ShouldKeepTheNewestAndTheRecentAndDeleteTheRestWithTheirManifests()
    {
        var folder = BackupCli.NewFolder();
        var now = DateTime.UtcNow;
        string Name(int daysAgo) => $"app_{now.AddDays(-daysAgo):yyyyMMdd'T'HHmmss'Z'}.db";
        foreach (var days in new[] { 0, 1, 3, 10, 40 })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, Name(days)), "x");
            await File.WriteAllTextAsync(Path.Combine(folder, Name(days) + ".json"), "{}");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not a backup");

        var prune = await BackupCli.RunAsync("sqlite:///unused.db", "backup", "prune", "--dir", folder, "--keep-last", "2", "--keep-days", "7");

        prune.ExitCode.ShouldBe(0, prune.StandardError);
        prune.StandardOutput.ShouldContain("pruned 2 of 5 backup(s)");
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(
            new[] { Name(0), Name(0) + ".json", Name(1), Name(1) + ".json", Name(3), Name(3) + ".json", "notes.txt" }.Order());
    }
}
