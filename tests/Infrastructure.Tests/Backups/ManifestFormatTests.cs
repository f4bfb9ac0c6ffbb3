using System.Text.Json;
using System.Text.Json.Nodes;
using PayrollPortal.Infrastructure.Backups;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Backups;

/// <summary>
/// Manifest formats 1 to 3 side by side: backups with an older manifest still verify with their own checksums, and the
/// checksums of every format catch a single changed cent. Format 3's own properties are in <see cref="UnorderedChecksumTests"/>.
/// </summary>
public sealed class ManifestFormatTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] ContentTables = ["companies", "employees", "employee_w4s", "payrolls", "payroll_lines"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_WhenTheManifestIsFormat1_ShouldCompareWithFormat1ChecksumsAndPass(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, employees) = await BackupCli.CompanyWithEmployeesAsync(app.CreateClient());
        await BackupCli.PostPayrollAsync(app.CreateClient(), companyId, employees, 4);
        var backup = await BackupCli.RunAsync(app.Database.Url, "backup", "--out", BackupCli.NewFolder());
        backup.ExitCode.ShouldBe(0, backup.StandardError);
        var file = BackupCli.BackupFile(backup);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(file + ".json"))!;
        manifest["formatVersion"]!.GetValue<int>().ShouldBe(BackupManifest.CurrentFormat);

        // What a format 1 backup of the same data recorded: the same manifest with checksums read through the driver.
        await using var source = new StandaloneDatabase(app.Database.Settings);
        var format1 = await source.SummarizeAsync(1, CancellationToken.None);
        var format2 = await source.SummarizeAsync(2, CancellationToken.None);
        if (provider == DatabaseProvider.Sqlite)
        {
            format1.ShouldBe(format2, "SQLite checksums did not change with format 2");
        }
        else
        {
            foreach (var table in ContentTables)
            {
                format1.Single(t => t.Table == table).ContentSha256.ShouldNotBe(format2.Single(t => t.Table == table).ContentSha256);
            }
        }

        manifest["formatVersion"] = 1;
        manifest["tables"] = JsonSerializer.SerializeToNode(format1, Web);
        await File.WriteAllTextAsync(file + ".json", manifest.ToJsonString());
        var verify = await BackupCli.RunAsync(app.Database.Url, "backup", "verify", file);
        verify.ExitCode.ShouldBe(0, verify.StandardOutput + verify.StandardError);
        verify.StandardOutput.ShouldContain("ok    rows and checksums:");

        if (provider == DatabaseProvider.PostgreSql)
        {
            // A format 1 manifest is compared with format 1 checksums, never with the server's: format 2 values under
            // format 1 do not match.
            manifest["tables"] = JsonSerializer.SerializeToNode(format2, Web);
            await File.WriteAllTextAsync(file + ".json", manifest.ToJsonString());
            var mixed = await BackupCli.RunAsync(app.Database.Url, "backup", "verify", file);
            mixed.ExitCode.ShouldBe(8, mixed.StandardOutput);
            mixed.StandardOutput.ShouldContain("table payroll_lines: content checksum");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Manifest_WhenItsFormatIsUnknown_ShouldFailVerifyWithAClearMessage(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var backup = await BackupCli.RunAsync(app.Database.Url, "backup", "--out", BackupCli.NewFolder());
        backup.ExitCode.ShouldBe(0, backup.StandardError);
        var file = BackupCli.BackupFile(backup);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(file + ".json"))!;
        manifest["formatVersion"] = BackupManifest.CurrentFormat + 1;
        await File.WriteAllTextAsync(file + ".json", manifest.ToJsonString());

        var verify = await BackupCli.RunAsync(app.Database.Url, "backup", "verify", file);

        verify.ExitCode.ShouldBe(8, verify.StandardOutput);
        verify.StandardOutput.ShouldContain($"is not a backup manifest of format 1 to {BackupManifest.CurrentFormat}");
    }

    public static TheoryData<DatabaseProvider, int> ProvidersAndFormats => new()
    {
        { DatabaseProvider.Sqlite, 1 },
        { DatabaseProvider.Sqlite, 2 },
        { DatabaseProvider.PostgreSql, 1 },
        { DatabaseProvider.PostgreSql, 2 },
        { DatabaseProvider.Sqlite, 3 },
        { DatabaseProvider.PostgreSql, 3 },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndFormats))]
    public async Task Checksums_WhenOneNetPayChangesByOneCent_ShouldDifferForPayrollLinesOnly(DatabaseProvider provider, int format)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, employees) = await BackupCli.CompanyWithEmployeesAsync(app.CreateClient());
        await BackupCli.PostPayrollAsync(app.CreateClient(), companyId, employees, 5);
        await using var database = new StandaloneDatabase(app.Database.Settings);
        var before = await database.SummarizeAsync(format, CancellationToken.None);

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE payroll_lines SET net_pay = net_pay + 1 WHERE line_no = (SELECT min(line_no) FROM payroll_lines)";
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var after = await database.SummarizeAsync(format, CancellationToken.None);
        DataFingerprint.Compare(before, after).ShouldBe([$"table payroll_lines: content checksum {after.Single(t => t.Table == "payroll_lines").ContentSha256![..12]} differs from the manifest's {before.Single(t => t.Table == "payroll_lines").ContentSha256![..12]}"]);
        (await database.SummarizeAsync(format, CancellationToken.None)).ShouldBe(after, "the same data gives the same checksums");
    }
}
