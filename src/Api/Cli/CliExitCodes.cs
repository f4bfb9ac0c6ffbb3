namespace PayrollPortal.Api.Cli;

/// <summary>
/// Exit codes of the <c>payroll</c> verbs, documented in docs/MIGRATIONS.md. 2 and 3 mean the same as when serving: a setting
/// cannot be used, and the schema is not at this build's head.
/// </summary>
internal static class CliExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments (System.CommandLine's own parse errors use 1 as well), an unknown --to version.</summary>
    public const int Usage = 1;

    /// <summary>DATABASE_URL, the lock timeout or the scripts folder cannot be used.</summary>
    public const int Configuration = 2;

    /// <summary><c>migrate verify</c> found problems: pending, drifted, unknown or missing down scripts.</summary>
    public const int SchemaNotAtHead = 3;

    /// <summary>A migration failed and was rolled back, or the run refused to start (drift, nothing to revert, no down script), or the database failed.</summary>
    public const int MigrationFailed = 4;

    /// <summary>Another migrator held the lock for longer than the wait; safe to retry.</summary>
    public const int LockTimeout = 5;

    /// <summary>Interrupted (Ctrl+C, SIGTERM), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
