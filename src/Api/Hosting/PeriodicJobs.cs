using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Coordination;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// The server's periodic housekeeping, run hourly on one instance at a time whatever the number of instances
/// (<see cref="JobLease"/>): expired idempotency keys (the same work as <c>payroll idempotency prune</c>), expired sessions,
/// and old sign-in windows and heartbeats. Every instance looks every minute; the first to find a job due takes it, and
/// a crash mid-run rolls back, so the next look elsewhere finds it still due.
/// </summary>
internal sealed partial class PeriodicJobs(IServiceScopeFactory scopes, InstanceIdentity instance, TimeProvider clock, ILogger<PeriodicJobs> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    /// <summary>Each job's name in <c>job_runs</c> and its work, run in the lease's transaction.</summary>
    public static readonly IReadOnlyList<(string Name, Func<IServiceProvider, DbSession, DateTimeOffset, CancellationToken, Task<int>> Run)> Jobs =
    [
        ("idempotency-prune", (services, _, _, ct) => services.GetRequiredService<IIdempotencyStore>().PruneAsync(ct)),
        ("session-prune", (_, session, now, ct) => HousekeepingSql.PruneExpiredSessionsAsync(session, now, ct)),
        ("coordination-prune", (_, session, now, ct) => HousekeepingSql.PruneCoordinationAsync(session, now, ct)),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (name, run) in Jobs)
            {
                try
                {
                    await RunIfDueAsync(name, run, stoppingToken);
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException or DatabaseFileMovedException)
                {
                    // The next tick tries again; an unreachable database must not stop the server.
                    LogJobFailed(logger, name, ex);
                }
            }
        }
    }

    /// <summary>Runs the job when this instance takes its lease; true when it ran here.</summary>
    public async Task<bool> RunIfDueAsync(
        string name, Func<IServiceProvider, DbSession, DateTimeOffset, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (!await JobLease.TryTakeAsync(session, name, Interval, instance.Id, now, cancellationToken))
        {
            await session.RollbackAsync(cancellationToken);
            return false;
        }

        var count = await run(scope.ServiceProvider, session, now, cancellationToken);
        await session.CommitAsync(cancellationToken);
        LogJobRan(logger, name, count);
        return true;
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Periodic job {Job} removed {Count} row(s)")]
    private static partial void LogJobRan(ILogger logger, string job, int count);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "Periodic job {Job} failed; another look in a minute")]
    private static partial void LogJobFailed(ILogger logger, string job, Exception exception);
}
