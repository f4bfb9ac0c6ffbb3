namespace PayrollPortal.Infrastructure.Persistence.Migrations;

public enum MigrationState
{
    Applied,
    Pending,

    /// <summary>Applied to the database but not carried by this build: the database is ahead of the code.</summary>
    Unknown,
}
