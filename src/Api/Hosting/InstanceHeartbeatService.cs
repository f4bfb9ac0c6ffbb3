using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Coordination;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// Records this instance's build and expected schema in <c>instance_heartbeats</c> every 10 s while it serves, and removes
/// the row when it stops, so <c>payroll migrate up</c> knows which builds run before it applies a contract migration. A
/// crashed instance stops beating and counts as gone after 60 s.
/// </summary>
internal sealed partial class InstanceHeartbeatService(
    IDbConnectionFactory connections, InstanceIdentity instance, TimeProvider clock, ILogger<InstanceHeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(InstanceHeartbeats.Interval, clock);
        do
        {
            try
            {
                await using var connection = await connections.OpenAsync(stoppingToken);
                if (await InstanceHeartbeats.TableExistsAsync(connection, connections.Settings.Provider, stoppingToken))
                {
                    using var writer = await connections.EnterWriteAsync(stoppingToken);
                    await InstanceHeartbeats.BeatAsync(connection, new InstanceHeartbeat(
                        instance.Id, instance.Build, instance.SchemaHead, Environment.MachineName, instance.StartedAt, clock.GetUtcNow()), stoppingToken);
                }
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException or DatabaseFileMovedException)
            {
                // The database is down, busy or gone: the next beat tries again; readiness reports the database itself.
                LogBeatFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            if (await InstanceHeartbeats.TableExistsAsync(connection, connections.Settings.Provider, cancellationToken))
            {
                using var writer = await connections.EnterWriteAsync(cancellationToken);
                await InstanceHeartbeats.LeaveAsync(connection, instance.Id, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException or OperationCanceledException
                                       or DatabaseFileMovedException)
        {
            // The row ages out: after 60 s nobody counts this instance as serving.
            LogBeatFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(EventId = 620, Level = LogLevel.Warning, Message = "Could not record this instance's heartbeat: {Reason}")]
    private static partial void LogBeatFailed(ILogger logger, string reason);
}
