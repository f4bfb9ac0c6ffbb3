using Microsoft.Extensions.Diagnostics.HealthChecks;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Health;

/// <summary>SQLite: the database file is still the one this server started with (not removed or replaced). Always healthy on PostgreSQL.</summary>
public sealed class DatabaseFileHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(connections.DescribeFileProblem() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy("ok"));
}
