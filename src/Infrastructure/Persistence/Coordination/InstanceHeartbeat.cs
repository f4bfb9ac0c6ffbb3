namespace PayrollPortal.Infrastructure.Persistence.Coordination;

/// <summary>A row of <c>instance_heartbeats</c>: who serves, which build, and the newest migration that build knows.</summary>
public sealed record InstanceHeartbeat(string InstanceId, string Build, string SchemaHead, string Host, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt)
{
    public override string ToString() => $"{InstanceId} (build {Build} on {Host}, expects schema {SchemaHead}, last heartbeat {HeartbeatAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})";
}
