using Dapper;
using PayrollPortal.Infrastructure.Identity;

namespace PayrollPortal.Infrastructure.Persistence.Coordination;

/// <summary>Housekeeping deletes the periodic jobs run beside the idempotency prune, each in the session's transaction.</summary>
public static class HousekeepingSql
{
    /// <summary>Heartbeats of instances gone this long are history, not information.</summary>
    public static readonly TimeSpan HeartbeatRetention = TimeSpan.FromDays(1);

    /// <summary>Sessions past their expiry can never be used again (the cookie's sliding renewal moves expires_at forward).</summary>
    public static async Task<int> PruneExpiredSessionsAsync(DbSession session, DateTimeOffset now, CancellationToken cancellationToken) =>
        await (await session.ConnectionAsync(cancellationToken)).ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE expires_at <= @now", new { now }, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>Sign-in windows older than the two a sliding window reads, and heartbeats of instances long gone.</summary>
    public static async Task<int> PruneCoordinationAsync(DbSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var windows = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_windows WHERE window_start < @before", new { before = now - (2 * SignInWindow.Length) }, session.Transaction, cancellationToken: cancellationToken));
        var heartbeats = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM instance_heartbeats WHERE heartbeat_at < @before", new { before = now - HeartbeatRetention }, session.Transaction, cancellationToken: cancellationToken));
        return windows + heartbeats;
    }
}
