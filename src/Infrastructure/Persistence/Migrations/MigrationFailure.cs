namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>Why a migration run stopped; the CLI maps each kind to its documented exit code.</summary>
public enum MigrationFailure
{
    /// <summary>A setting cannot be used (lock timeout, scripts folder, script names).</summary>
    Configuration,

    /// <summary>The request makes no sense for this build (an unknown <c>--to</c> version, <c>--steps 0</c>).</summary>
    InvalidRequest,

    /// <summary>The database is not in a state the run can safely start from (drift, unknown versions, nothing to revert, no down script).</summary>
    Refused,

    /// <summary>A script failed; its transaction was rolled back.</summary>
    Failed,

    /// <summary>Another migrator held the lock for longer than the configured wait.</summary>
    LockTimeout,

    /// <summary>The database's storage refuses writes (a read-only file system, no permission), found before any wait.</summary>
    Unwritable,
}
