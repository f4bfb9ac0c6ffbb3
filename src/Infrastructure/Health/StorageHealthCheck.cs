using Microsoft.Extensions.Diagnostics.HealthChecks;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Health;

/// <summary>
/// Unhealthy while recent writes fail because of the storage (disk full, I/O error, read-only). While it is unhealthy the
/// load balancer sends no writes that could prove recovery, so each check tries one small write of its own
/// (<see cref="WriteProbe"/>) and turns healthy again as soon as that succeeds.
/// </summary>
public sealed class StorageHealthCheck(StorageFaults faults, IDbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (faults.Current is null)
        {
            return HealthCheckResult.Healthy("ok");
        }

        try
        {
            await WriteProbe.RunAsync(connections, cancellationToken);
            faults.WriteSucceeded();
            return HealthCheckResult.Healthy("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            faults.Observe(ex);
            return faults.Current is { } fault
                ? HealthCheckResult.Unhealthy($"writes fail since {fault.Since:yyyy-MM-dd'T'HH:mm:ss'Z'}: {fault.Reason}")
                : HealthCheckResult.Unhealthy($"writes fail: {ex.GetType().Name}");
        }
    }
}
