using Dapper;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Identity;

/// <summary>
/// The per-client sign-in limit, held in the database so that it holds across every instance behind the load balancer. A
/// sliding window approximated from two fixed one-minute counters (<c>sign_in_windows</c>): the current minute's count plus
/// the previous minute's, weighted by how much of it the sliding minute still covers. Each attempt is one atomic upsert, so
/// instances never lose each other's counts, and no lock is held (PgBouncer in transaction mode is fine).
/// </summary>
public sealed class SignInWindow(IDbConnectionFactory connections, TimeProvider clock) : ISignInAttempts
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    public async Task<TimeSpan?> CountAsync(string client, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Length.Ticks), TimeSpan.Zero);
        var previousStart = windowStart - Length;
        await using var connection = await connections.OpenAsync(cancellationToken);
        long current;
        using (await connections.EnterWriteAsync(cancellationToken))
        {
            current = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO sign_in_windows (client, window_start, attempts) VALUES (@client, @windowStart, 1)
                ON CONFLICT (client, window_start) DO UPDATE SET attempts = sign_in_windows.attempts + 1
                RETURNING attempts
                """,
                new { client, windowStart }, cancellationToken: cancellationToken));
        }

        var previous = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT attempts FROM sign_in_windows WHERE client = @client AND window_start = @previousStart",
            new { client, previousStart }, cancellationToken: cancellationToken)) ?? 0;
        var stillCovered = 1 - ((now - windowStart) / Length);
        var estimate = (previous * stillCovered) + current;
        return estimate <= limit ? null : windowStart + Length - now;
    }
}
