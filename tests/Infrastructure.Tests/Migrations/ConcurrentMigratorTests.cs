using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

public sealed class ConcurrentMigratorTests
{
    public static TheoryData<DatabaseProvider, bool> ProvidersAndStartingPoints => new()
    {
        { DatabaseProvider.Sqlite, false },
        { DatabaseProvider.Sqlite, true },
        { DatabaseProvider.PostgreSql, false },
        { DatabaseProvider.PostgreSql, true },
    };

    /// <summary>
    /// Two instances with their own connections start migrating at the same moment, as two replicas of a deploy would. The
    /// rehearsal's 9902 inserts a seed row, so a script applied twice shows as two rows (or a failed CREATE TABLE).
    /// </summary>
    [Theory]
    [MemberData(nameof(ProvidersAndStartingPoints))]
    public async Task UpAsync_WhenTwoMigratorsStartTogether_ShouldApplyAndJournalEachScriptOnce(DatabaseProvider provider, bool embeddedAlreadyApplied)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        if (embeddedAlreadyApplied)
        {
            await using var earlier = IsolatedMigrator.Create(database);
            await earlier.Migrator.UpAsync(null, CancellationToken.None);
        }

        await using var first = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal);
        await using var second = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal);
        using var start = new Barrier(2);
        Task<IReadOnlyList<MigrationStep>> Run(IsolatedMigrator instance) => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return await instance.Migrator.UpAsync(null, CancellationToken.None);
        });

        var results = await Task.WhenAll(Run(first), Run(second));

        var applied = results.SelectMany(r => r.Select(s => s.Version)).ToList();
        applied.ShouldBe(first.Migrator.Scripts.Where(s => !embeddedAlreadyApplied || s.Version.StartsWith('9')).Select(s => s.Version), ignoreOrder: true);
        (await first.ScalarAsync<long>("SELECT count(*) FROM rehearsal_probe")).ShouldBe(1);
        (await first.ScalarAsync<long>("SELECT count(*) FROM schema_migrations")).ShouldBe(first.Migrator.Scripts.Count);
        (await first.ScalarAsync<long>("SELECT count(DISTINCT version) FROM schema_migrations")).ShouldBe(first.Migrator.Scripts.Count);
        (await first.Migrator.ReadAsync(CancellationToken.None)).Problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpAsync_WhenAnotherMigratorHoldsTheLockPastTheWait_ShouldFailClearlyAndApplyNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var waiting = IsolatedMigrator.Create(database, lockTimeout: TimeSpan.FromMilliseconds(300));

        MigrationException error;
        await using (await MigrationLock.AcquireAsync(database.Settings, TimeSpan.Zero, CancellationToken.None))
        {
            error = await Should.ThrowAsync<MigrationException>(() => waiting.Migrator.UpAsync(null, CancellationToken.None));
        }

        error.Failure.ShouldBe(MigrationFailure.LockTimeout);
        error.Message.ShouldStartWith("another migrator");
        error.Message.ShouldContain("gave up after waiting 0.3 s");
        (await waiting.TableExistsAsync("schema_migrations")).ShouldBeFalse();
        (await waiting.Migrator.UpAsync(null, CancellationToken.None)).Count.ShouldBe(waiting.Migrator.Scripts.Count, "the lock is free once its holder is done");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownAsync_WhenAnotherMigratorHoldsTheLock_ShouldWaitForItThenRevert(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var instance = IsolatedMigrator.Create(database, ScriptsFolder.Rehearsal);
        await instance.Migrator.UpAsync(null, CancellationToken.None);

        Task<IReadOnlyList<MigrationStep>> down;
        await using (await MigrationLock.AcquireAsync(database.Settings, TimeSpan.Zero, CancellationToken.None))
        {
            down = instance.Migrator.DownAsync(1, CancellationToken.None);
            await Task.Delay(200);
            down.IsCompleted.ShouldBeFalse("down must wait while another migrator holds the lock");
        }

        (await down).ShouldHaveSingleItem().Version.ShouldBe("9902");
    }
}
