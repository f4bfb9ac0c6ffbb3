namespace PayrollPortal.Infrastructure.Backups;

/// <summary>Why a backup, verify or restore stopped; the CLI maps each kind to an exit code and prints the one-line message.</summary>
public enum BackupFailure
{
    /// <summary>A setting or tool is missing or unusable (pg_dump not installed, a SQLite backup for a PostgreSQL target).</summary>
    Configuration,

    /// <summary>The database could not be reached or failed while being read.</summary>
    Database,

    /// <summary>Writing the backup failed (disk full, no permission); nothing that looks complete was left behind.</summary>
    Storage,

    /// <summary>The file is not a backup, or it no longer matches its manifest, or its contents fail a check.</summary>
    Invalid,

    /// <summary>The target holds data and <c>--force</c> was not given; nothing was changed.</summary>
    Refused,
}

public sealed class BackupException(string message, BackupFailure failure, Exception? inner = null) : Exception(message, inner)
{
    public BackupFailure Failure { get; } = failure;
}
