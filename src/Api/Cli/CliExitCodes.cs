namespace PayrollPortal.Api.Cli;

/// <summary>
/// Exit codes of the <c>payroll</c> verbs, documented in docs/MIGRATIONS.md and docs/OPERATIONS.md. 2 and 3 mean the same as
/// when serving: a setting cannot be used, and the schema is not at this build's head.
/// </summary>
internal static class CliExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments (System.CommandLine's own parse errors use 1 as well), an unknown --to version, a bad --kid.</summary>
    public const int Usage = 1;

    /// <summary>DATABASE_URL, the lock timeout, the scripts folder or PII_ENCRYPTION_KEYS cannot be used.</summary>
    public const int Configuration = 2;

    /// <summary><c>migrate verify</c> found problems: pending, drifted, unknown or missing down scripts; a data verb found the schema behind.</summary>
    public const int SchemaNotAtHead = 3;

    /// <summary>A migration failed and was rolled back, or the run refused to start (drift, nothing to revert, no down script), or the database failed.</summary>
    public const int MigrationFailed = 4;

    /// <summary>Another migrator held the lock for longer than the wait; safe to retry.</summary>
    public const int LockTimeout = 5;

    /// <summary>The verb refused because of the data as it stands and changed nothing: <c>seed-demo</c> found the demo company.</summary>
    public const int Refused = 6;

    /// <summary>
    /// The verb did not finish: <c>pii rotate</c> left rows it could not rotate (listed by employee id; what it rotated is
    /// committed), or the database failed; <c>seed-demo</c> failed and rolled everything back.
    /// </summary>
    public const int Incomplete = 7;

    /// <summary>
    /// A check failed: <c>backup verify</c> found the backup bad (manifest, integrity, rows, checksums, schema or PII keys),
    /// <c>restore</c> was given a file that is not a good backup (the target untouched), or a <c>drill</c> step failed.
    /// </summary>
    public const int CheckFailed = 8;

    /// <summary>Interrupted (Ctrl+C, SIGTERM), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
