using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Backups;

/// <summary>
/// docs/DR_RUNBOOK.md's point-in-time recovery, on a PostgreSQL 15 cluster of this test's own that archives its WAL to a folder:
/// a base backup, payroll A, time T, payroll B, a WAL switch; recovery of the base backup into a new data directory up to T;
/// A is there, B is not, and the application is ready on it.
/// </summary>
public sealed class PointInTimeRecoveryTests
{
    private static readonly string PgBin = Environment.GetEnvironmentVariable("PGBIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";

    [Fact]
    public async Task Recover_ToATimeBetweenTwoPayrolls_ShouldHaveTheFirstNotTheSecondAndServe()
    {
        var root = Directory.CreateTempSubdirectory("payroll-pitr-").FullName;
        var data = Path.Combine(root, "data");
        var archive = Path.Combine(root, "wal-archive");
        var baseBackup = Path.Combine(root, "base");
        var recovered = Path.Combine(root, "recovered");
        Directory.CreateDirectory(archive);
        await RunAsync("chown", "-R", "postgres:postgres", root);
        await RunAsync("chmod", "755", root);
        var port = PayrollProcess.FreePort();
        var recoveredPort = PayrollProcess.FreePort();
        try
        {
            await AsPostgresAsync($"{PgBin}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
            await AsPostgresAsync($"{PgBin}/pg_ctl", "-D", data, "-l", Path.Combine(root, "primary.log"), "-w", "-t", "60", "-o",
                $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c wal_level=replica -c archive_mode=on " +
                $"-c \"archive_command=test ! -f {archive}/%f && cp %p {archive}/%f\" -c archive_timeout=60", "start");
            var server = $"postgresql://postgres@127.0.0.1:{port}/postgres";
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, server);
            string payrollA;
            string payrollB;
            string targetTime;
            await using (var app = PayrollApp.StartOn(database))
            {
                var client = app.CreateClient();
                var (companyId, employees) = await BackupCli.CompanyWithEmployeesAsync(client);

                await AsPostgresAsync($"{PgBin}/pg_basebackup", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
                    "-D", baseBackup, "--wal-method=stream", "--checkpoint=fast");

                payrollA = await BackupCli.PostPayrollAsync(client, companyId, employees, 1);
                targetTime = await ScalarAsync<string>(database.Settings, "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'");
                await Task.Delay(1000);
                payrollB = await BackupCli.PostPayrollAsync(client, companyId, employees, 2);
                var segment = await ScalarAsync<string>(database.Settings, "SELECT pg_walfile_name(pg_switch_wal())");
                var archived = Path.Combine(archive, segment);
                for (var i = 0; i < 600 && !File.Exists(archived); i++)
                {
                    await Task.Delay(100);
                }

                File.Exists(archived).ShouldBeTrue($"WAL segment {segment} was not archived");
            }

            await AsPostgresAsync("cp", "-a", baseBackup, recovered);
            await AsPostgresAsync("sh", "-c",
                $"printf \"%s\\n\" \"restore_command = 'cp {archive}/%f %p'\" \"recovery_target_time = '{targetTime}'\" " +
                $"\"recovery_target_action = 'promote'\" >> {recovered}/postgresql.auto.conf && touch {recovered}/recovery.signal");
            await AsPostgresAsync($"{PgBin}/pg_ctl", "-D", recovered, "-l", Path.Combine(root, "recovered.log"), "-w", "-t", "120", "-o",
                $"-c listen_addresses=127.0.0.1 -p {recoveredPort} -k {root} -c archive_mode=off", "start");
            var databaseName = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString).Database;
            var recoveredUrl = $"postgresql://postgres@127.0.0.1:{recoveredPort}/{databaseName}";
            var recoveredDatabase = DatabaseSettings.Parse(recoveredUrl);
            for (var i = 0; i < 600 && await ScalarAsync<bool>(recoveredDatabase, "SELECT pg_is_in_recovery()"); i++)
            {
                await Task.Delay(100);
            }

            (await ScalarAsync<bool>(recoveredDatabase, "SELECT pg_is_in_recovery()")).ShouldBeFalse("recovery did not end with a promotion");
            (await ScalarAsync<long>(recoveredDatabase, $"SELECT count(*) FROM payrolls WHERE id = '{payrollA}'")).ShouldBe(1, "payroll A, posted before T, is lost");
            (await ScalarAsync<long>(recoveredDatabase, $"SELECT count(*) FROM payrolls WHERE id = '{payrollB}'")).ShouldBe(0, "payroll B, posted after T, was recovered");
            (await ScalarAsync<long>(recoveredDatabase, $"SELECT count(*) FROM payroll_lines WHERE payroll_id = '{payrollA}'")).ShouldBe(2);

            var appPort = PayrollProcess.FreePort();
            using var served = PayrollProcess.Start([], new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = recoveredUrl,
                [PiiKeyRing.Variable] = TestKeys.PiiKeys,
                ["PORT"] = appPort.ToString(CultureInfo.InvariantCulture),
                ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
            });
            try
            {
                (await ReadyzAsync(new Uri($"http://localhost:{appPort}/"))).ShouldBe(HttpStatusCode.OK);
            }
            finally
            {
                served.Kill(entireProcessTree: true);
                await served.WaitForExitAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AsPostgresAsync($"{PgBin}/pg_ctl", "-D", recovered, "-m", "immediate", "-w", "stop").ContinueWith(_ => { }, TaskScheduler.Default);
            await AsPostgresAsync($"{PgBin}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop").ContinueWith(_ => { }, TaskScheduler.Default);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> ReadyzAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var last = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await client.GetAsync("api/readyz");
                last = response.StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException { InnerException: TimeoutException })
            {
                // Still starting: refused, or (on a loaded machine) accepted but not answered within the client's timeout.
            }

            await Task.Delay(100);
        }

        return last;
    }

    private static async Task<T> ScalarAsync<T>(DatabaseSettings settings, string sql)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>PostgreSQL refuses to run as root: as root the commands run through <c>runuser -u postgres</c>.</summary>
    private static Task AsPostgresAsync(string command, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", command, .. arguments]) : RunAsync(command, arguments);

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{command} {string.Join(' ', arguments)}: {await stdout} {await stderr}");
    }
}
