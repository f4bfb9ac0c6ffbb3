using Dapper;
using Microsoft.Extensions.Configuration;
using PayrollPortal.Api.Cli;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>
/// Migrations classified expand or contract, instances' heartbeats, and what each allows: `migrate up` refuses a contract
/// migration while an older build serves (exit 4), and an enforcing server refuses a contract migration it does not know (exit 3).
/// </summary>
public sealed class ExpandContractTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Embedded_EveryMigration_ShouldBeClassifiedExpandOrContractInMigrationClassesTxt(DatabaseProvider provider)
    {
        var scripts = MigrationCatalog.Embedded(provider);

        scripts.Where(s => s.Class is null).Select(s => s.ScriptName).ShouldBeEmpty("add a line 'NNNN expand' or 'NNNN contract' to db/migration-classes.txt");
        scripts.Single(s => s.Name == "drop_idempotency_lease_columns").Class.ShouldBe(MigrationClass.Contract);
        scripts.Single(s => s.Name == "add_instance_coordination").Class.ShouldBe(MigrationClass.Expand);
    }

    [Theory]
    [InlineData("0001 expand\n0002 shrink\n", "line 2 is not 'NNNN expand' or 'NNNN contract'")]
    [InlineData("0001 expand\n# a comment\n0001 contract\n", "classifies 0001 twice")]
    public void ParseClasses_WhenALineIsMalformedOrRepeated_ShouldRefuseNamingIt(string text, string expected)
    {
        var error = Should.Throw<MigrationException>(() => MigrationCatalog.ParseClasses(text, "db/migration-classes.txt"));

        error.Failure.ShouldBe(MigrationFailure.Configuration);
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateUp_WhenAContractIsPendingWhileAnOlderBuildHeartbeats_ShouldExit4NamingItUntilItHasBeenSilentFor60Seconds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await RunAsync(database.Url, "migrate", "up")).ExitCode.ShouldBe(0);
        var head = MigrationCatalog.Embedded(provider)[^1].Version;
        await using var inspector = IsolatedMigrator.Create(database);
        await HeartbeatAsync(inspector, "blue-1", head, DateTimeOffset.UtcNow);
        var release = NextRelease();

        var refused = await RunAsync(database.Url, "migrate", "up", "--scripts", release);
        var expandOnly = await RunAsync(database.Url, "migrate", "up", "--scripts", release, "--to", "9903");
        var statusLine = (await RunAsync(database.Url, "migrate", "status", "--scripts", release)).Output.Split('\n').Single(l => l.StartsWith("9904", StringComparison.Ordinal));
        await HeartbeatAsync(inspector, "blue-1", head, DateTimeOffset.UtcNow.AddSeconds(-61));
        var afterBlueLeft = await RunAsync(database.Url, "migrate", "up", "--scripts", release);

        refused.ExitCode.ShouldBe(4, refused.Error);
        refused.Error.ShouldContain("9904_drop_release_probe_note is a contract migration and instance blue-1 (build old-build");
        refused.Error.ShouldContain($"expects schema {head}");
        expandOnly.ExitCode.ShouldBe(0, expandOnly.Error);
        expandOnly.Output.ShouldContain("applied 9903_create_release_probe");
        statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..4].ShouldBe(["contract", "pending"]);
        afterBlueLeft.ExitCode.ShouldBe(0, afterBlueLeft.Error);
        afterBlueLeft.Output.ShouldContain("applied 9904_drop_release_probe_note");
        (await inspector.ScalarAsync<string>("SELECT migration_class FROM schema_migrations WHERE version = '9904'")).ShouldBe("contract");
        (await inspector.ScalarAsync<string>("SELECT migration_class FROM schema_migrations WHERE version = '0011'")).ShouldBe("contract");
        (await inspector.ScalarAsync<string>("SELECT migration_class FROM schema_migrations WHERE version = '0001'")).ShouldBe("expand");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Serve_WhenEnforcingOnADatabaseHoldingAContractMigrationItDoesNotKnow_ShouldExit3AndServeNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var newerRelease = IsolatedMigrator.Create(database, NextRelease()))
        {
            await newerRelease.Migrator.UpAsync(null, CancellationToken.None);
        }

        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
        });
        var everListened = false;
        while (!server.HasExited)
        {
            everListened |= await server.IsListeningAsync();
            await Task.Delay(25);
        }

        (await server.WaitForExitAsync(ProcessTimeout)).ShouldBe(3, server.Output);
        everListened.ShouldBeFalse(server.Output);
        server.Output.ShouldContain("unknown contract: 9904_drop_release_probe_note is a contract migration this build does not know");
        server.Output.ShouldNotContain("9903_create_release_probe is a contract");
    }

    /// <summary>End to end: a serving instance of this build is the older build to a release that brings a contract migration.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateUp_WhileAServerThatDoesNotKnowTheContractRuns_ShouldExit4NamingItAndApplyOnceItStopped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await RunAsync(database.Url, "migrate", "up")).ExitCode.ShouldBe(0);
        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
            ["SHUTDOWN_DRAIN_SECONDS"] = "0",
            ["APP_VERSION"] = "9.8.7",
        });
        (await server.ReadyStatusAsync(ProcessTimeout)).ShouldBe(200, server.Output);
        await using var inspector = IsolatedMigrator.Create(database);
        var beat = await PollAsync(() => inspector.ScalarAsync<long>("SELECT count(*) FROM instance_heartbeats"), n => n == 1, TimeSpan.FromSeconds(30));
        var (instanceId, build, schemaHead) = await FirstHeartbeatAsync(inspector);
        var release = NextRelease();

        var refused = await RunAsync(database.Url, "migrate", "up", "--scripts", release);
        server.Terminate();
        (await server.WaitForExitAsync(ProcessTimeout)).ShouldBe(0, server.Output);
        var left = await inspector.ScalarAsync<long>("SELECT count(*) FROM instance_heartbeats");
        var applied = await RunAsync(database.Url, "migrate", "up", "--scripts", release);

        beat.ShouldBe(1);
        build.ShouldStartWith("9.8.7");
        schemaHead.ShouldBe(MigrationCatalog.Embedded(provider)[^1].Version);
        refused.ExitCode.ShouldBe(4, refused.Error);
        refused.Error.ShouldContain($"instance {instanceId} (build 9.8.7");
        left.ShouldBe(0, "a server that stops removes its heartbeat");
        applied.ExitCode.ShouldBe(0, applied.Error);
        applied.Output.ShouldContain("applied 9904_drop_release_probe_note");
    }

    /// <summary>The next release's migrations: 9903 expands (a table with a column), 9904 contracts (drops that column).</summary>
    private static string NextRelease() => ScriptsFolder.Create(
        ("9903_create_release_probe.sql", "CREATE TABLE release_probe (id INTEGER NOT NULL PRIMARY KEY, note TEXT NULL);"),
        ("9903_create_release_probe.down.sql", "DROP TABLE release_probe;"),
        ("9904_drop_release_probe_note.sql", "ALTER TABLE release_probe DROP COLUMN note;"),
        ("9904_drop_release_probe_note.down.sql", "ALTER TABLE release_probe ADD COLUMN note TEXT NULL;"),
        (MigrationCatalog.ClassesFile, "9903 expand\n9904 contract\n"));

    private static async Task HeartbeatAsync(IsolatedMigrator inspector, string instanceId, string schemaHead, DateTimeOffset at)
    {
        DapperTypeHandlers.Register();
        await using var connection = await inspector.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO instance_heartbeats (instance_id, build, schema_head, host, started_at, heartbeat_at)
            VALUES (@instanceId, 'old-build', @schemaHead, 'blue-host', @at, @at)
            ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """,
            new { instanceId, schemaHead, at });
    }

    private static async Task<(string InstanceId, string Build, string SchemaHead)> FirstHeartbeatAsync(IsolatedMigrator inspector)
    {
        await using var connection = await inspector.Connections.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<(string, string, string)>("SELECT instance_id, build, schema_head FROM instance_heartbeats");
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        var value = await read();
        while (!done(value) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string databaseUrl, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PayrollCli.RunAsync(args, new CliContext(configuration, output, error), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
