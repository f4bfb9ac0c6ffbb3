using Microsoft.Extensions.Diagnostics.HealthChecks;
using PayrollPortal.Application.Operations;

namespace PayrollPortal.Infrastructure.Health;

/// <summary>The schema is at this build's head with no drift.</summary>
public sealed class MigrationsHealthCheck(ISchemaStatusReader schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await schema.ReadAsync(cancellationToken);
            return status.IsAtHead ? HealthCheckResult.Healthy("ok") : HealthCheckResult.Unhealthy(string.Join("; ", status.Problems));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the migration journal cannot be read: {ex.GetType().Name}", ex);
        }
    }
}
