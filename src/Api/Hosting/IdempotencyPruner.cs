using PayrollPortal.Application.Common.Idempotency;

namespace PayrollPortal.Api.Hosting;

/// <summary>Removes expired idempotency keys every hour (the same work as <c>payroll idempotency prune</c>).</summary>
internal sealed partial class IdempotencyPruner(IServiceScopeFactory scopes, ILogger<IdempotencyPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pruned = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PruneAsync(stoppingToken);
                LogPruned(logger, pruned);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                // The next tick tries again; an unreachable database must not stop the server.
                LogPruneFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Information, Message = "Pruned {Count} expired idempotency key(s)")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "Pruning expired idempotency keys failed; will retry in an hour")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
