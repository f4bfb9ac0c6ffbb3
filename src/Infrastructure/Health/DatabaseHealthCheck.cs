using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Health;

/// <summary>The database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy("ok");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the database does not answer: {ex.GetType().Name}", ex);
        }
    }
}
