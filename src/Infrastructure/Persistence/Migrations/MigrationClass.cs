namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Whether a migration is safe while the previous release still serves (expand) or only once no older build runs
/// (contract); docs/MIGRATIONS.md, "Expand and contract".
/// </summary>
public enum MigrationClass
{
    Expand,
    Contract,
}
