namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>A migration applied or reverted by one run, and how long its script took.</summary>
public sealed record MigrationStep(string Version, string Name, long ElapsedMs)
{
    public string ScriptName => $"{Version}_{Name}";
}
