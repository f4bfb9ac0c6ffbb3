using Dapper;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Coordination;
using PayrollPortal.Infrastructure.Tests.Migrations;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Persistence;

/// <summary>A periodic job runs on one instance at a time, once per interval, and a crash mid-run hands it to another.</summary>
public sealed class JobLeaseTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TryTake_OnTwoInstances_ShouldRunTheJobOncePerInterval(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var blue = await MigratedAsync(database);
        await using var green = IsolatedMigrator.Create(database);
        var now = DateTimeOffset.UtcNow;

        var byBlue = await TakeAndCommitAsync(blue, "blue", now);
        var byGreenSoonAfter = await TakeAndCommitAsync(green, "green", now.AddMinutes(59));
        var byGreenAnHourLater = await TakeAndCommitAsync(green, "green", now.AddMinutes(61));

        (byBlue, byGreenSoonAfter, byGreenAnHourLater).ShouldBe((true, false, true));
        (await green.ScalarAsync<string>("SELECT last_instance FROM job_runs WHERE job = 'prune'")).ShouldBe("green");
    }

    [Fact]
    public async Task TryTake_WhileAnotherInstanceRunsTheJobAndAfterItCrashes_ShouldWaitThenTakeIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var blue = await MigratedAsync(database);
        await using var green = IsolatedMigrator.Create(database);
        var now = DateTimeOffset.UtcNow;

        var running = new DbSession(blue.Connections);
        await running.BeginAsync(CancellationToken.None);
        (await JobLease.TryTakeAsync(running, "prune", Hour, "blue", now, CancellationToken.None)).ShouldBeTrue();
        var bluePid = await (await running.ConnectionAsync(CancellationToken.None)).ExecuteScalarAsync<int>("SELECT pg_backend_pid()", transaction: running.Transaction);

        var whileBlueRuns = await TakeAndCommitAsync(green, "green", now);
        await green.ExecuteAsync($"SELECT pg_terminate_backend({bluePid})"); // blue's process dies mid-run
        var afterBlueCrashed = await PollAsync(() => TakeAndCommitAsync(green, "green", now), TimeSpan.FromSeconds(30));
        await Should.ThrowAsync<NpgsqlException>(async () => await running.DisposeAsync()); // its connection died with the process

        whileBlueRuns.ShouldBeFalse("the job is due, but blue holds its transaction-scoped advisory lock");
        afterBlueCrashed.ShouldBeTrue("blue's crash rolled its run back and released the lock with its transaction");
        (await green.ScalarAsync<string>("SELECT last_instance FROM job_runs WHERE job = 'prune'")).ShouldBe("green");
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<IsolatedMigrator> MigratedAsync(TestDatabase database)
    {
        var migrator = IsolatedMigrator.Create(database);
        await migrator.Migrator.UpAsync(null, CancellationToken.None);
        DapperTypeHandlers.Register();
        return migrator;
    }

    private static async Task<bool> TakeAndCommitAsync(IsolatedMigrator instance, string name, DateTimeOffset now)
    {
        await using var session = new DbSession(instance.Connections);
        await session.BeginAsync(CancellationToken.None);
        var taken = await JobLease.TryTakeAsync(session, "prune", Hour, name, now, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        return taken;
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> attempt, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        var taken = await attempt();
        while (!taken && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            taken = await attempt();
        }

        return taken;
    }
}
