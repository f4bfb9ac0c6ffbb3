using System.Data.Common;
using System.Text.Json.Nodes;
using PayrollPortal.Infrastructure.Backups;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Backups;

/// <summary>
/// Manifest format 3: content checksums that combine per-row hashes order-independently, so that tables are read by a scan.
/// A sum of row hashes must still catch what a key-ordered hash catches (a changed value, a missing row, a value swapped
/// between rows) and must not change when the same rows are stored in another order. Format 2 manifests still verify.
/// </summary>
public sealed class UnorderedChecksumTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private const string FirstPayroll = "(SELECT id FROM payrolls ORDER BY id LIMIT 1)";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Checksums_WhenANameIsSwappedBetweenTwoLines_ShouldDifferForPayrollLinesOnly(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using var database = await PayrollsAsync(app);
        var before = await database.SummarizeAsync(DataFingerprint.UnorderedFormat, CancellationToken.None);
        var first = await ScalarAsync(database, $"SELECT employee_name FROM payroll_lines WHERE payroll_id = {FirstPayroll} AND line_no = 1");
        var second = await ScalarAsync(database, $"SELECT employee_name FROM payroll_lines WHERE payroll_id = {FirstPayroll} AND line_no = 2");
        first.ShouldNotBe(second);

        // Both rows keep their keys and every other column; only the two names trade places.
        await ExecuteAsync(
            database,
            $"UPDATE payroll_lines SET employee_name = '{second}' WHERE payroll_id = {FirstPayroll} AND line_no = 1",
            $"UPDATE payroll_lines SET employee_name = '{first}' WHERE payroll_id = {FirstPayroll} AND line_no = 2");

        var after = await database.SummarizeAsync(DataFingerprint.UnorderedFormat, CancellationToken.None);
        DataFingerprint.Compare(before, after).ShouldBe(
            [$"table payroll_lines: content checksum {Checksum(after, "payroll_lines")[..12]} differs from the manifest's {Checksum(before, "payroll_lines")[..12]}"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Checksums_WhenALineIsMissing_ShouldDifferInRowsAndChecksum(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using var database = await PayrollsAsync(app);
        var before = await database.SummarizeAsync(DataFingerprint.UnorderedFormat, CancellationToken.None);

        await ExecuteAsync(database, $"DELETE FROM payroll_lines WHERE payroll_id = {FirstPayroll} AND line_no = 2");

        var after = await database.SummarizeAsync(DataFingerprint.UnorderedFormat, CancellationToken.None);
        var rows = before.Single(t => t.Table == "payroll_lines").Rows;
        DataFingerprint.Compare(before, after).ShouldBe([$"table payroll_lines has {rows - 1} row(s), the manifest says {rows}"]);
        Checksum(after, "payroll_lines").ShouldNotBe(Checksum(before, "payroll_lines"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Checksums_WhenTheSameRowsAreStoredInAnotherOrder_ShouldNotChange(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using var database = await PayrollsAsync(app);
        var before = await database.SummarizeAsync(DataFingerprint.UnorderedFormat, CancellationToken.None);
        var firstScanned = await FirstScannedLineAsync(database);

        // The first line a scan meets is deleted and inserted again, unchanged: it is now stored, and scanned, last.
        await ExecuteAsync(
            database,
            $"CREATE TEMP TABLE moved AS SELECT * FROM payroll_lines WHERE payroll_id = {FirstPayroll} AND line_no = 1",
            $"DELETE FROM payroll_lines WHERE payroll_id = {FirstPayroll} AND line_no = 1",
            "INSERT INTO payroll_lines SELECT * FROM moved",
            "DROP TABLE moved");
        (await FirstScannedLineAsync(database)).ShouldNotBe(firstScanned);

        var after = await database.SummarizeAsync(DataFingerprint.UnorderedFormat, CancellationToken.None);
        after.ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_WhenTheManifestIsFormat2_ShouldCompareWithFormat2ChecksumsAndPass(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, employees) = await BackupCli.CompanyWithEmployeesAsync(app.CreateClient());
        await BackupCli.PostPayrollAsync(app.CreateClient(), companyId, employees, 3);
        var backup = await BackupCli.RunAsync(app.Database.Url, "backup", "--out", BackupCli.NewFolder());
        backup.ExitCode.ShouldBe(0, backup.StandardError);
        var file = BackupCli.BackupFile(backup);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(file + ".json"))!;
        manifest["formatVersion"]!.GetValue<int>().ShouldBe(DataFingerprint.UnorderedFormat);
        await using var source = new StandaloneDatabase(app.Database.Settings);
        var format2 = await source.SummarizeAsync(2, CancellationToken.None);
        var format3 = await source.SummarizeAsync(DataFingerprint.UnorderedFormat, CancellationToken.None);
        Checksum(format2, "payroll_lines").ShouldNotBe(Checksum(format3, "payroll_lines"));

        manifest["formatVersion"] = 2;
        manifest["tables"] = System.Text.Json.JsonSerializer.SerializeToNode(format2, Web);
        await File.WriteAllTextAsync(file + ".json", manifest.ToJsonString());
        var verify = await BackupCli.RunAsync(app.Database.Url, "backup", "verify", file);

        verify.ExitCode.ShouldBe(0, verify.StandardOutput + verify.StandardError);
        verify.StandardOutput.ShouldContain("ok    rows and checksums:");
    }

    /// <summary>A company with two employees and three payrolls of two lines each.</summary>
    private static async Task<StandaloneDatabase> PayrollsAsync(PayrollApp app)
    {
        var (companyId, employees) = await BackupCli.CompanyWithEmployeesAsync(app.CreateClient());
        await BackupCli.PostPayrollAsync(app.CreateClient(), companyId, employees, 3);
        return new StandaloneDatabase(app.Database.Settings);
    }

    private static string Checksum(IReadOnlyList<TableSummary> tables, string table) => tables.Single(t => t.Table == table).ContentSha256!;

    private static async Task<string> ScalarAsync(StandaloneDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> FirstScannedLineAsync(StandaloneDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // Every column, as the checksum reads them: a scan of the table (two key columns alone would be read from the key's index).
        command.CommandText = "SELECT * FROM payroll_lines";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return $"{reader.GetValue(reader.GetOrdinal("payroll_id"))}/{reader.GetValue(reader.GetOrdinal("line_no"))}";
    }

    private static async Task ExecuteAsync(StandaloneDatabase database, params string[] statements)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sql in statements)
        {
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
