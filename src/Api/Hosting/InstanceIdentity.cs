using PayrollPortal.Application.Operations;
using PayrollPortal.Infrastructure.Persistence.Migrations;

namespace PayrollPortal.Api.Hosting;

/// <summary>This process among the instances on one database: its id, build and the newest migration it knows.</summary>
internal sealed class InstanceIdentity(IAppInfo app, SchemaMigrator migrator, TimeProvider clock)
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public string Build => app.Commit is { } commit ? $"{app.Version}+{commit}" : app.Version;

    public string SchemaHead => migrator.Scripts.Count == 0 ? "0000" : migrator.Scripts[^1].Version;

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();
}
