using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

public sealed class StartupEnforcementTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Serve_WhenEnforcingMigrationsOnAnEmptyDatabase_ShouldExit3WithOneErrorLineAndServeNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
        });

        // Probe the port for as long as the process lives: enforcement must refuse before Kestrel ever listens.
        var everListened = false;
        while (!server.HasExited)
        {
            everListened |= await server.IsListeningAsync();
            await Task.Delay(25);
        }

        var exitCode = await server.WaitForExitAsync(ProcessTimeout);

        exitCode.ShouldBe(3, server.Output);
        everListened.ShouldBeFalse(server.Output);
        server.Output.ShouldNotContain("Now listening");
        var refusal = server.Output.Split('\n').Where(l => l.Contains("refusing to serve", StringComparison.Ordinal)).ShouldHaveSingleItem();
        refusal.ShouldContain("pending: 0001_create_companies is not applied");
        await using var inspector = IsolatedMigrator.Create(database);
        (await inspector.TableExistsAsync("schema_migrations")).ShouldBeFalse("an enforcing server never migrates");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Serve_WhenEnforcingMigrationsOnAMigratedDatabase_ShouldBecomeReady(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var migrator = IsolatedMigrator.Create(database))
        {
            await migrator.Migrator.UpAsync(null, CancellationToken.None);
        }

        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
        });

        (await server.ReadyStatusAsync(ProcessTimeout)).ShouldBe(200, server.Output);
    }

    /// <summary>A blue/green rollback: the previous release starts, enforcing, on a schema a newer release expanded.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Serve_WhenEnforcingMigrationsOnADatabaseAheadOfTheBuild_ShouldWarnAndBecomeReady(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var newerRelease = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal))
        {
            await newerRelease.Migrator.UpAsync(null, CancellationToken.None);
        }

        await using var server = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
        });

        (await server.ReadyStatusAsync(ProcessTimeout)).ShouldBe(200, server.Output);
        server.Output.ShouldContain("The database is at 9902, ahead of this build's head");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Serve_WithoutEnforcementOnAnEmptyDatabase_ShouldApplyMigrationsThenBecomeReady(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var server = ServerProcess.Start(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url });

        (await server.ReadyStatusAsync(ProcessTimeout)).ShouldBe(200, server.Output);

        await using var inspector = IsolatedMigrator.Create(database);
        (await inspector.Migrator.VerifyAsync(CancellationToken.None)).Problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Serve_WithoutEnforcementOnADriftedDatabase_ShouldRefuseToMigrateAndExit3(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var migrator = IsolatedMigrator.Create(database))
        {
            await migrator.Migrator.UpAsync(null, CancellationToken.None);
            await migrator.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited'");
        }

        await using var server = ServerProcess.Start(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url });

        var exitCode = await server.WaitForExitAsync(ProcessTimeout);

        exitCode.ShouldBe(3, server.Output);
        server.Output.ShouldNotContain("Now listening");
        server.Output.Split('\n').Where(l => l.Contains("refusing to serve", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldContain("drift: 0001_create_companies changed after it was applied");
    }
}
