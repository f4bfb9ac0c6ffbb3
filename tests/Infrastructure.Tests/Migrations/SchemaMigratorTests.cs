using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

public sealed class SchemaMigratorTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpAsync_WhenDatabaseIsEmpty_ShouldApplyEveryScriptAndJournalItsChecksum(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);
        var migrator = instance.Migrator;

        var applied = await migrator.UpAsync(toVersion: null, CancellationToken.None);

        applied.Select(s => s.ScriptName).ShouldBe(migrator.Scripts.Select(s => s.ScriptName));
        var journal = await migrator.ReadJournalAsync(CancellationToken.None);
        journal.Select(e => (e.Version, e.Name, e.Checksum)).ShouldBe(migrator.Scripts.Select(s => (s.Version, s.Name, s.Checksum)));
        journal.ShouldAllBe(e => e.AppliedBy.Length > 0 && e.ExecutionMs >= 0 && e.AppliedAt.Offset == TimeSpan.Zero);
        (await migrator.ReadAsync(CancellationToken.None)).Problems.ShouldBeEmpty();
        (await instance.TableExistsAsync("companies")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpAsync_WhenAlreadyAtHead_ShouldApplyNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);
        await instance.Migrator.UpAsync(null, CancellationToken.None);

        var second = await instance.Migrator.UpAsync(null, CancellationToken.None);

        second.ShouldBeEmpty();
        (await instance.Migrator.ReadJournalAsync(CancellationToken.None)).Count.ShouldBe(instance.Migrator.Scripts.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpAsync_WhenToIsGiven_ShouldStopAtThatVersionAndLeaveTheRestPending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal);

        var applied = await instance.Migrator.UpAsync("9901", CancellationToken.None);

        applied[^1].Version.ShouldBe("9901");
        var rows = await instance.Migrator.ReadStatusAsync(CancellationToken.None);
        rows.Single(r => r.Version == "9901").ShouldSatisfyAllConditions(
            r => r.State.ShouldBe(MigrationState.Applied),
            r => r.ChecksumMatches.ShouldBe(true),
            r => r.AppliedAt.ShouldNotBeNull());
        rows.Single(r => r.Version == "9902").ShouldSatisfyAllConditions(
            r => r.State.ShouldBe(MigrationState.Pending),
            r => r.AppliedAt.ShouldBeNull(),
            r => r.ChecksumMatches.ShouldBeNull());
        (await instance.Migrator.ReadAsync(CancellationToken.None)).Problems.ShouldBe(["pending: 9902_seed_rehearsal_probe is not applied"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpAsync_WhenToIsNotAKnownVersion_ShouldRefuseBeforeTouchingTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);

        var error = await Should.ThrowAsync<MigrationException>(() => instance.Migrator.UpAsync("0999", CancellationToken.None));

        error.Failure.ShouldBe(MigrationFailure.InvalidRequest);
        error.Message.ShouldContain("0999");
        (await instance.TableExistsAsync("schema_migrations")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadAsync_WhenDatabaseIsEmpty_ShouldReportEachPendingScript(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);

        var status = await instance.Migrator.ReadAsync(CancellationToken.None);

        status.IsAtHead.ShouldBeFalse();
        status.CurrentVersion.ShouldBeNull();
        status.Problems.ShouldBe(instance.Migrator.Scripts.Select(s => $"pending: {s.ScriptName} is not applied"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadAsync_WhenAJournalChecksumIsEdited_ShouldReportDriftNamingTheScript(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);
        await instance.Migrator.UpAsync(null, CancellationToken.None);
        var first = instance.Migrator.Scripts[0];
        await instance.ExecuteAsync($"UPDATE schema_migrations SET checksum = '{new string('0', 64)}' WHERE version = '{first.Version}'");

        var status = await instance.Migrator.ReadAsync(CancellationToken.None);

        status.Problems.ShouldHaveSingleItem().ShouldStartWith($"drift: {first.ScriptName} changed after it was applied");
        (await instance.Migrator.ReadStatusAsync(CancellationToken.None))[0].ChecksumMatches.ShouldBe(false);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadAsync_WhenAnAppliedScriptIsEdited_ShouldReportDriftAndUpShouldRefuse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var scripts = ScriptsFolder.CopyOfRehearsal();
        await using (var before = IsolatedMigrator.Create(database, scripts))
        {
            await before.Migrator.UpAsync("9901", CancellationToken.None);
        }

        await File.AppendAllTextAsync(Path.Combine(scripts, "9901_create_rehearsal_probe.sql"), "\n-- edited after it was applied\n");
        await using var after = IsolatedMigrator.Create(database, scripts);

        var status = await after.Migrator.ReadAsync(CancellationToken.None);
        var refused = await Should.ThrowAsync<MigrationException>(() => after.Migrator.UpAsync(null, CancellationToken.None));

        status.Problems.ShouldContain(p => p.StartsWith("drift: 9901_create_rehearsal_probe changed after it was applied", StringComparison.Ordinal));
        refused.Failure.ShouldBe(MigrationFailure.Refused);
        refused.Problems.ShouldHaveSingleItem().ShouldStartWith("drift: 9901_create_rehearsal_probe");
        (await after.ScalarAsync<long>("SELECT count(*) FROM rehearsal_probe")).ShouldBe(0, "9902 must not run on a drifted database");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadAsync_WhenTheDatabaseHasAVersionThisBuildDoesNotKnow_ShouldReportItAndUpShouldRefuse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var newerBuild = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal))
        {
            await newerBuild.Migrator.UpAsync(null, CancellationToken.None);
        }

        await using var olderBuild = IsolatedMigrator.Create(database);

        var status = await olderBuild.Migrator.ReadAsync(CancellationToken.None);
        var refused = await Should.ThrowAsync<MigrationException>(() => olderBuild.Migrator.UpAsync(null, CancellationToken.None));

        status.Problems.ShouldBe(
        [
            "unknown: 9901_create_rehearsal_probe is applied but this build does not know it (the database is ahead of the code)",
            "unknown: 9902_seed_rehearsal_probe is applied but this build does not know it (the database is ahead of the code)",
        ]);
        refused.Failure.ShouldBe(MigrationFailure.Refused);
        (await olderBuild.Migrator.ReadStatusAsync(CancellationToken.None)).Where(r => r.State == MigrationState.Unknown).Select(r => r.Version).ShouldBe(["9901", "9902"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownAsync_WhenMigrationsAreApplied_ShouldRevertTheNewestAndForgetIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal);
        await instance.Migrator.UpAsync(null, CancellationToken.None);

        var reverted = await instance.Migrator.DownAsync(1, CancellationToken.None);

        reverted.ShouldHaveSingleItem().ScriptName.ShouldBe("9902_seed_rehearsal_probe");
        (await instance.ScalarAsync<long>("SELECT count(*) FROM rehearsal_probe")).ShouldBe(0);
        (await instance.Migrator.ReadJournalAsync(CancellationToken.None))[^1].Version.ShouldBe("9901");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownAsync_WhenNothingIsApplied_ShouldRefuseWithAClearMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);

        var error = await Should.ThrowAsync<MigrationException>(() => instance.Migrator.DownAsync(1, CancellationToken.None));

        error.Failure.ShouldBe(MigrationFailure.Refused);
        error.Message.ShouldBe("nothing to revert: no migration is applied.");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownAsync_WhenStepsExceedWhatIsApplied_ShouldRevertNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database);
        await instance.Migrator.UpAsync(null, CancellationToken.None);
        var count = instance.Migrator.Scripts.Count;

        var error = await Should.ThrowAsync<MigrationException>(() => instance.Migrator.DownAsync(count + 1, CancellationToken.None));

        error.Message.ShouldStartWith($"cannot revert {count + 1} migrations: only {count} applied");
        (await instance.Migrator.ReadAsync(CancellationToken.None)).IsAtHead.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownAsync_WhenTheDownScriptIsMissing_ShouldRefuseAndVerifyShouldNameIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var scripts = ScriptsFolder.Create(("9901_create_one_way.sql", "CREATE TABLE one_way (id INTEGER NOT NULL);"));
        await using var instance = IsolatedMigrator.Create(database, scripts);
        await instance.Migrator.UpAsync(null, CancellationToken.None);

        var error = await Should.ThrowAsync<MigrationException>(() => instance.Migrator.DownAsync(1, CancellationToken.None));

        error.Failure.ShouldBe(MigrationFailure.Refused);
        error.Problems.ShouldBe(["missing down script: 9901_create_one_way.down.sql"]);
        (await instance.TableExistsAsync("one_way")).ShouldBeTrue();
        (await instance.Migrator.ReadAsync(CancellationToken.None)).Problems.ShouldBe(["missing down script: 9901_create_one_way.down.sql"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownAsync_WhenTheDownScriptFails_ShouldRollBackAndKeepTheMigrationApplied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var scripts = ScriptsFolder.Create(
            ("9901_create_sturdy.sql", "CREATE TABLE sturdy (id INTEGER NOT NULL);\nINSERT INTO sturdy (id) VALUES (1);"),
            ("9901_create_sturdy.down.sql", "DROP TABLE sturdy;\nINSERT INTO no_such_table (id) VALUES (1);"));
        await using var instance = IsolatedMigrator.Create(database, scripts);
        await instance.Migrator.UpAsync(null, CancellationToken.None);

        var error = await Should.ThrowAsync<MigrationException>(() => instance.Migrator.DownAsync(1, CancellationToken.None));

        error.Failure.ShouldBe(MigrationFailure.Failed);
        error.Message.ShouldStartWith("9901_create_sturdy.down failed and was rolled back");
        (await instance.ScalarAsync<long>("SELECT count(*) FROM sturdy")).ShouldBe(1, "the DROP TABLE must roll back with the failed statement");
        (await instance.Migrator.ReadJournalAsync(CancellationToken.None))[^1].Version.ShouldBe("9901");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpAsync_WhenAScriptFails_ShouldRollItBackAndKeepTheEarlierOnes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var scripts = ScriptsFolder.Create(
            ("9901_create_good.sql", "CREATE TABLE good (id INTEGER NOT NULL);"),
            ("9901_create_good.down.sql", "DROP TABLE good;"),
            ("9902_create_bad.sql", "CREATE TABLE bad (id INTEGER NOT NULL);\nINSERT INTO no_such_table (id) VALUES (1);"),
            ("9902_create_bad.down.sql", "DROP TABLE bad;"));
        await using var instance = IsolatedMigrator.Create(database, scripts);

        var error = await Should.ThrowAsync<MigrationException>(() => instance.Migrator.UpAsync(null, CancellationToken.None));

        error.Failure.ShouldBe(MigrationFailure.Failed);
        error.Message.ShouldStartWith("9902_create_bad failed and was rolled back");
        (await instance.TableExistsAsync("good")).ShouldBeTrue();
        (await instance.TableExistsAsync("bad")).ShouldBeFalse();
        (await instance.Migrator.ReadJournalAsync(CancellationToken.None))[^1].Version.ShouldBe("9901");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RollbackRehearsal_WhenAnExtraMigrationGoesUpAndDown_ShouldLeaveTheDatabaseAtHead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var app = IsolatedMigrator.Create(database))
        {
            await app.Migrator.UpAsync(null, CancellationToken.None);
        }

        await using (var rehearsal = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal))
        {
            (await rehearsal.Migrator.UpAsync(null, CancellationToken.None)).Select(s => s.Version).ShouldBe(ScriptsFolder.RehearsalVersions);
            (await rehearsal.ScalarAsync<long>("SELECT count(*) FROM rehearsal_probe")).ShouldBe(1);
            (await rehearsal.Migrator.DownAsync(2, CancellationToken.None)).Select(s => s.Version).ShouldBe(ScriptsFolder.RehearsalVersions.Reverse());
        }

        await using var after = IsolatedMigrator.Create(database);
        (await after.Migrator.ReadAsync(CancellationToken.None)).Problems.ShouldBeEmpty();
        (await after.TableExistsAsync(ScriptsFolder.ProbeTable)).ShouldBeFalse();
    }
}
