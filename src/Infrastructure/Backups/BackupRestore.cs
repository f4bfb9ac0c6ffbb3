using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// Puts a backup into a database. The file is checked before the target is touched: its manifest (SHA-256 and size) when it
/// has one, and its format. SQLite is restored to a new file beside the target, checked, and renamed over it in one step;
/// PostgreSQL through <c>pg_restore --clean --if-exists --no-owner --exit-on-error --single-transaction</c>, so a failure rolls
/// everything back. A target that already holds tables is refused unless forced.
/// </summary>
public sealed class BackupRestore(PostgresTools tools)
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    /// <summary>The backup's manifest after checking the file against it; null when the file has none and one is not required.</summary>
    public async Task<BackupManifest?> CheckFileAsync(string file, bool requireManifest, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist.", BackupFailure.Invalid);
        }

        if (BackupFiles.ProviderOf(file) is null)
        {
            throw new BackupException($"{file} is not a backup: expected app_*.db (SQLite) or backup_*.dump (PostgreSQL).", BackupFailure.Invalid);
        }

        if (!requireManifest && !File.Exists(BackupManifest.PathFor(file)))
        {
            return null;
        }

        var manifest = await BackupManifest.ReadAsync(file, cancellationToken);
        var (size, sha) = await BackupFiles.HashAsync(file, cancellationToken);
        if (size != manifest.SizeBytes)
        {
            throw new BackupException(
                $"{Path.GetFileName(file)} is {size} bytes but its manifest says {manifest.SizeBytes}: the file was truncated or changed after the backup.",
                BackupFailure.Invalid);
        }

        if (!string.Equals(sha, manifest.Sha256, StringComparison.Ordinal))
        {
            throw new BackupException(
                $"{Path.GetFileName(file)} has SHA-256 {sha[..16]}… but its manifest says {manifest.Sha256[..16]}…: the file was corrupted or changed after the backup.",
                BackupFailure.Invalid);
        }

        return manifest;
    }

    /// <summary>Restores <paramref name="file"/> into <paramref name="target"/>; refuses a target with tables unless <paramref name="force"/>.</summary>
    public async Task RestoreAsync(string file, DatabaseSettings target, bool force, CancellationToken cancellationToken)
    {
        var provider = BackupFiles.ProviderOf(file);
        if (provider != target.Provider)
        {
            throw new BackupException(
                $"{Path.GetFileName(file)} is a {(provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} backup and the target {target.SafeDisplay} is {target.ProviderName}.",
                BackupFailure.Configuration);
        }

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            await RestoreSqliteAsync(file, target.SqlitePath!, force, cancellationToken);
        }
        else
        {
            await RestorePostgresAsync(file, target, force, cancellationToken);
        }
    }

    private static async Task RestoreSqliteAsync(string file, string targetPath, bool force, CancellationToken cancellationToken)
    {
        await using (var stream = File.OpenRead(file))
        {
            var header = new byte[SqliteMagic.Length];
            if (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) != header.Length || !header.AsSpan().SequenceEqual(SqliteMagic))
            {
                throw new BackupException($"{Path.GetFileName(file)} is not a SQLite database.", BackupFailure.Invalid);
            }
        }

        if (!force && await SqliteHasTablesAsync(targetPath, cancellationToken))
        {
            throw new BackupException($"the target {targetPath} already holds tables; pass --force to replace it (stop every server using it first).", BackupFailure.Refused);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(targetPath))!;
        Directory.CreateDirectory(directory);
        var staged = Path.Combine(directory, $".{Path.GetFileName(targetPath)}.restore-{Guid.NewGuid():N}");
        try
        {
            File.Copy(file, staged);
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = staged, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                string? problem;
                try
                {
                    problem = await DatabaseBackup.SqliteIntegrityAsync(connection, cancellationToken);
                }
                catch (SqliteException ex)
                {
                    problem = ex.Message;
                }

                if (problem is not null)
                {
                    throw new BackupException($"{Path.GetFileName(file)} fails PRAGMA integrity_check: {problem}", BackupFailure.Invalid);
                }

                await using var journal = connection.CreateCommand();
                journal.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
                if (Convert.ToInt64(await journal.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    throw new BackupException($"{Path.GetFileName(file)} is a SQLite database but not a PayrollPortal backup (no schema_migrations).", BackupFailure.Invalid);
                }
            }

            // A server with the file open would go on writing to the replaced file (and its WAL, deleted below), and its
            // requests would be lost: refuse, forced or not, and touch nothing.
            SqliteConnection.ClearAllPools();
            if (SqliteFileInUse.IsOpenElsewhere(targetPath))
            {
                throw new BackupException(
                    $"the target {targetPath} is open in another process (a running server?); stop every server using it, then restore again. Nothing was changed.",
                    BackupFailure.Refused);
            }

            // A stale WAL of the old file would be replayed over the new one.
            BackupFiles.DeleteQuietly(targetPath + "-wal", targetPath + "-shm");
            File.Move(staged, targetPath, overwrite: true);
        }
        finally
        {
            BackupFiles.DeleteQuietly(staged);
        }
    }

    private static async Task<bool> SqliteHasTablesAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task RestorePostgresAsync(string file, DatabaseSettings target, bool force, CancellationToken cancellationToken)
    {
        var listed = await tools.RunAsync("pg_restore", ["--list", file], null, cancellationToken);
        if (listed.ExitCode != 0)
        {
            throw new BackupException($"{Path.GetFileName(file)} is not a pg_dump custom-format archive: {listed.FirstError}", BackupFailure.Invalid);
        }

        if (!force && await PostgresHasTablesAsync(target, cancellationToken))
        {
            throw new BackupException($"the target {target.SafeDisplay} already holds tables; pass --force to replace them.", BackupFailure.Refused);
        }

        var database = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database!;
        var restored = await tools.RunAsync(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--exit-on-error", "--single-transaction", $"--dbname={database}", file],
            target.ConnectionString,
            cancellationToken);
        if (restored.ExitCode != 0)
        {
            throw new BackupException($"pg_restore failed and was rolled back: {restored.FirstError}", BackupFailure.Database);
        }
    }

    private static async Task<bool> PostgresHasTablesAsync(DatabaseSettings target, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
        }
        catch (DbException ex)
        {
            throw new BackupException($"the target {target.SafeDisplay} cannot be reached: {DatabaseBackup.OneLine(ex.Message)}", BackupFailure.Database, ex);
        }
    }
}
