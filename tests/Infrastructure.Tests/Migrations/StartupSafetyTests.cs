using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>
/// Start-up that tells the truth: a recorded SQLite database that went missing is not silently re-created in Production, a
/// read-only database is named as such at once, and a stop during the wait for another migrator prints no stack trace.
/// </summary>
public sealed class StartupSafetyTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(120);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("payroll-startup-");

    [Fact]
    public async Task Start_InProductionWhenTheRecordedSqliteDatabaseIsMissing_ShouldExit3AndCreateNothingUntilPayrollInit()
    {
        var database = Path.Combine(_work.FullName, "db", "app.db");
        var environment = Environment(database, "Production");
        var init = await PayrollProcess.RunAsync(["init"], environment, ProcessTimeout);
        init.ExitCode.ShouldBe(0, init.StandardError);
        File.ReadAllText(Path.Combine(_work.FullName, "data", "databases.recorded")).ShouldContain(database);

        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(database)!))
        {
            File.Delete(file);
        }

        var serve = await PayrollProcess.RunAsync([], new Dictionary<string, string?>(environment) { ["PORT"] = PayrollProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) }, ProcessTimeout);
        var migrate = await PayrollProcess.RunAsync(["migrate", "up"], environment, ProcessTimeout);

        serve.ExitCode.ShouldBe(3, serve.StandardOutput + serve.StandardError);
        serve.StandardError.ShouldContain($"the SQLite database {database} is missing");
        serve.StandardError.ShouldContain("payroll init");
        migrate.ExitCode.ShouldBe(3, migrate.StandardOutput + migrate.StandardError);
        File.Exists(database).ShouldBeFalse("neither the server nor migrate may create a new, empty database in its place");

        var again = await PayrollProcess.RunAsync(["init"], environment, ProcessTimeout);
        again.ExitCode.ShouldBe(0, again.StandardError);
        File.Exists(database).ShouldBeTrue();
        (await PayrollProcess.RunAsync(["init"], environment, ProcessTimeout)).ExitCode.ShouldBe(6, "init never overwrites a database");
    }

    [Fact]
    public async Task Start_InDevelopmentWhenTheRecordedSqliteDatabaseIsMissing_ShouldCreateItAndServe()
    {
        var database = Path.Combine(_work.FullName, "db", "app.db");
        Directory.CreateDirectory(Path.Combine(_work.FullName, "data"));
        await File.WriteAllTextAsync(Path.Combine(_work.FullName, "data", "databases.recorded"), database + "\n");

        await using var server = ServerProcess.Start(Environment(database, "Development"));

        (await server.ReadyStatusAsync(ProcessTimeout)).ShouldBe(200, server.Output);
        File.Exists(database).ShouldBeTrue();
    }

    [MountFact]
    public async Task Start_WhenTheSqliteDatabaseIsOnAReadOnlyFileSystem_ShouldExit3AtOnceNamingItWithoutAStackTrace()
    {
        using var filesystem = SmallFilesystem.Mount(16);
        var database = Path.Combine(filesystem.Path, "app.db");
        var environment = Environment(database, "Production");
        (await PayrollProcess.RunAsync(["init"], environment, ProcessTimeout)).ExitCode.ShouldBe(0);
        filesystem.RemountReadOnly();

        // A lock wait far longer than the test's patience: only an immediate refusal passes.
        var waitLong = new Dictionary<string, string?>(environment)
        {
            ["PAYROLL_MIGRATION_LOCK_TIMEOUT"] = "3600",
            ["PORT"] = PayrollProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var serve = await PayrollProcess.RunAsync([], waitLong, ProcessTimeout);
        var migrate = await PayrollProcess.RunAsync(["migrate", "up"], waitLong, ProcessTimeout);

        serve.ExitCode.ShouldBe(3, serve.StandardOutput + serve.StandardError);
        serve.StandardError.ShouldContain("Read-only file system");
        serve.StandardError.ShouldNotContain("another migrator");
        (serve.StandardOutput + serve.StandardError).ShouldNotContain("   at ");
        migrate.ExitCode.ShouldBe(4, migrate.StandardOutput + migrate.StandardError);
        migrate.StandardError.ShouldContain("Read-only file system");
        migrate.StandardError.ShouldNotContain("another migrator");
    }

    [Fact]
    public async Task Sigterm_WhileWaitingForAnotherMigratorsLock_ShouldStopWithOneLineAndNoStackTrace()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var held = new FileStream(database.Settings.SqlitePath + ".migrate.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["PAYROLL_MIGRATION_LOCK_TIMEOUT"] = "3600",
        });
        using (var deadline = new CancellationTokenSource(ProcessTimeout))
        {
            while (!server.Output.Contains("Waiting for another migrator's lock", StringComparison.Ordinal))
            {
                server.HasExited.ShouldBeFalse(server.Output);
                await Task.Delay(50, deadline.Token);
            }
        }

        server.Terminate();
        var exitCode = await server.WaitForExitAsync(ProcessTimeout);

        exitCode.ShouldBe(130, server.Output);
        server.Output.ShouldContain("the start-up was interrupted");
        server.Output.ShouldNotContain("   at ");
        server.Output.ShouldNotContain("Exception");
    }

    public void Dispose() => _work.Delete(recursive: true);

    private Dictionary<string, string?> Environment(string database, string environmentName) => new()
    {
        ["DATABASE_URL"] = $"sqlite:///{database}",
        ["DATA_DIR"] = Path.Combine(_work.FullName, "data"),
        ["ASPNETCORE_ENVIRONMENT"] = environmentName,
        ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
        ["LOG_FORMAT"] = "text",
        ["PAYROLL_ENFORCE_MIGRATIONS"] = null,
    };
}
