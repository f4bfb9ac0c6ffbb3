using System.Data.Common;
using Dapper;

namespace PayrollPortal.Infrastructure.Persistence.Coordination;

/// <summary>
/// <c>instance_heartbeats</c>: each serving instance's build and the schema head it expects, refreshed every
/// <see cref="Interval"/>. <c>payroll migrate up</c> reads it to refuse a contract migration while an older build serves.
/// </summary>
public static class InstanceHeartbeats
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>An instance silent for longer is gone (crashed or stopped without saying so).</summary>
    public static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(60);

    private const string TableExistsPostgres = "SELECT CASE WHEN to_regclass('instance_heartbeats') IS NULL THEN 0 ELSE 1 END";
    private const string TableExistsSqlite = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'instance_heartbeats'";

    public static async Task<bool> TableExistsAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            provider == DatabaseProvider.Sqlite ? TableExistsSqlite : TableExistsPostgres, cancellationToken: cancellationToken)) > 0;

    public static Task BeatAsync(DbConnection connection, InstanceHeartbeat beat, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO instance_heartbeats (instance_id, build, schema_head, host, started_at, heartbeat_at)
            VALUES (@InstanceId, @Build, @SchemaHead, @Host, @StartedAt, @HeartbeatAt)
            ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, schema_head = excluded.schema_head
            """,
            beat, cancellationToken: cancellationToken));

    public static Task LeaveAsync(DbConnection connection, string instanceId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM instance_heartbeats WHERE instance_id = @instanceId", new { instanceId }, cancellationToken: cancellationToken));

    /// <summary>Instances that heartbeated since <paramref name="since"/>, oldest schema head first.</summary>
    public static async Task<IReadOnlyList<InstanceHeartbeat>> LiveAsync(DbConnection connection, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string InstanceId, string Build, string SchemaHead, string Host, object StartedAt, object HeartbeatAt)>(
            new CommandDefinition(
                """
                SELECT instance_id, build, schema_head, host, started_at, heartbeat_at FROM instance_heartbeats
                WHERE heartbeat_at >= @since ORDER BY schema_head, instance_id
                """,
                new { since }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new InstanceHeartbeat(r.InstanceId, r.Build, r.SchemaHead, r.Host, SqlTime.FromDatabase(r.StartedAt), SqlTime.FromDatabase(r.HeartbeatAt)))];
    }
}
