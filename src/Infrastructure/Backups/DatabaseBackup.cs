using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;
using SQLitePCL;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// <c>payroll backup</c>: a consistent copy of the configured database, checked, with its manifest. SQLite goes through the
/// online backup API inside one read transaction, so writers keep writing and the copy is one snapshot; PostgreSQL goes
/// through <c>pg_dump --format=custom</c> on a snapshot exported from a repeatable-read transaction, in which the manifest's
/// counts and checksums are read too. Everything is written as <c>.partial</c> and renamed when complete: the data file last,
/// so a file with the final name is always a finished, checked backup with its manifest beside it.
/// </summary>
public sealed class DatabaseBackup(DatabaseSettings settings, TimeProvider clock, PostgresTools tools)
{
    /// <summary>Pages per backup step: 4 MiB at the default page size, between progress reports.</summary>
    private const int PagesPerStep = 1024;

    /// <param name="Phases">Where the time went, in order; phases that ran side by side overlap.</param>
    public sealed record Result(string File, BackupManifest Manifest, TimeSpan Elapsed, IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases);

    public async Task<Result> CreateAsync(string outDirectory, Action<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            Directory.CreateDirectory(outDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"cannot create {outDirectory}: {ex.Message}", BackupFailure.Storage, ex);
        }

        var file = Path.GetFullPath(Path.Combine(outDirectory, BackupFiles.FileName(settings.Provider, started)));
        if (File.Exists(file))
        {
            throw new BackupException($"{file} already exists; backups are one per second at most.", BackupFailure.Refused);
        }

        var partial = file + ".partial";
        var phases = new List<(string, TimeSpan)>();
        try
        {
            var (format, schemaVersion, tables, size, sha) = settings.Provider == DatabaseProvider.Sqlite
                ? await BackupSqliteAsync(partial, progress, phases, cancellationToken)
                : await BackupPostgresAsync(partial, progress, phases, cancellationToken);
            var manifest = new BackupManifest(
                format, clock.GetUtcNow(), started, settings.ProviderName, schemaVersion, Path.GetFileName(file), size, sha, tables,
                typeof(DatabaseBackup).Assembly.GetName().Version?.ToString() ?? "unknown");
            await manifest.WriteAsync(file, cancellationToken);
            File.Move(partial, file);
            return new Result(file, manifest, stopwatch.Elapsed, phases);
        }
        catch (Exception ex)
        {
            BackupFiles.DeleteQuietly(partial, BackupManifest.PathFor(file), BackupManifest.PathFor(file) + ".partial");
            throw Classify(ex);
        }
    }

    private static Exception Classify(Exception ex) => ex switch
    {
        BackupException or OperationCanceledException => ex,
        IOException io when IsDiskFull(io) => new BackupException($"the disk is full: {io.Message}; no backup was written.", BackupFailure.Storage, io),
        SqliteException { SqliteErrorCode: raw.SQLITE_FULL } full => new BackupException("the disk is full; no backup was written.", BackupFailure.Storage, full),
        IOException or UnauthorizedAccessException => new BackupException($"cannot write the backup: {ex.Message}", BackupFailure.Storage, ex),
        DbException or TimeoutException => new BackupException($"the database failed: {OneLine(ex.Message)}", BackupFailure.Database, ex),
        _ => ex,
    };

    private static bool IsDiskFull(IOException ex) => ex.HResult is 28 or unchecked((int)0x80070070) || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);

    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private async Task<(int Format, string? SchemaVersion, IReadOnlyList<TableSummary> Tables, long Size, string Sha256)> BackupSqliteAsync(
        string partial, Action<BackupProgress>? progress, List<(string, TimeSpan)> phases, CancellationToken cancellationToken)
    {
        var sourcePath = settings.SqlitePath!;
        if (!File.Exists(sourcePath))
        {
            throw new BackupException($"the SQLite database {sourcePath} does not exist.", BackupFailure.Database);
        }

        BackupFiles.DeleteQuietly(partial);
        var sourceConnection = new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString();
        Task<(string? Version, IReadOnlyList<TableSummary> Tables)> summary;
        var copying = Stopwatch.StartNew();
        await using (var source = new SqliteConnection(sourceConnection))
        using (var reader = OpenUnshared(sourcePath))
        await using (var destination = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);

            // Two read transactions on one snapshot: one for the copy, one for the manifest's counts and checksums, which
            // then run side by side. A snapshot does not move while writers commit to the WAL, so the copy is consistent and
            // never restarts; both start while this backup holds the write lock for an instant, so they see the same commit.
            await using var copySnapshot = source.BeginTransaction(deferred: true);
            await using (var writeLock = new SqliteConnection(sourceConnection))
            {
                await writeLock.OpenAsync(cancellationToken);
                await ExecuteAsync(writeLock, "PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE", cancellationToken);
                await ExecuteAsync(source, "SELECT count(*) FROM sqlite_master", cancellationToken, copySnapshot);
                Execute(reader, "BEGIN; SELECT count(*) FROM sqlite_master");
                await ExecuteAsync(writeLock, "ROLLBACK", cancellationToken);
            }

            summary = TimedAsync(phases, "manifest (row counts, checksums), beside the copy", () => Task.FromResult(
                (SqliteSchemaVersion(reader), DataFingerprint.ComputeSqlite(reader, BackupManifest.CurrentFormat, cancellationToken))));
            try
            {
                await Task.Run(() => CopyPages(source, destination, progress, cancellationToken), cancellationToken);
                await copySnapshot.RollbackAsync(cancellationToken);

                // The copy carries the source's WAL flag; a backup file must be one self-contained file.
                await ExecuteAsync(destination, "PRAGMA journal_mode = DELETE", cancellationToken);
            }
            finally
            {
                // The reader's connection is disposed with this block: the manifest must be finished first.
                await summary.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            phases.Add(("copy (online backup API)", copying.Elapsed));
        }

        // The copy is complete and nothing writes to it any more: its check and SHA-256 are independent reads. The copy is
        // checked with quick_check (every page, record and constraint, in time linear in the file); the full integrity_check,
        // which also cross-checks every index entry against its table, runs on the restored copy in `backup verify` and the
        // drill. See docs/DR_RUNBOOK.md ("Which check runs where").
        progress?.Invoke(new BackupProgress("quick_check and SHA-256", 0, null, "checks"));
        var integrity = TimedAsync(phases, "PRAGMA quick_check", async () =>
        {
            await using var connection = Open(partial, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(cancellationToken);
            return await SqliteIntegrityAsync(connection, SqliteCheck.Quick, cancellationToken);
        });
        var hash = TimedAsync(phases, "SHA-256", () => BackupFiles.HashAsync(partial, cancellationToken));
        await Task.WhenAll(integrity, hash);
        if (await integrity is { } problem)
        {
            throw new BackupException($"the copy fails PRAGMA quick_check: {problem}", BackupFailure.Invalid);
        }

        var (version, tables) = await summary;
        var (size, sha) = await hash;
        return (BackupManifest.CurrentFormat, version, tables, size, sha);
    }

    /// <summary>
    /// A connection of this thread's own for the manifest read, opened without SQLite's per-connection mutex: it is used by
    /// one task at a time, and the mutex costs a lock per column value read (a third of the checksum read's CPU).
    /// </summary>
    private static sqlite3 OpenUnshared(string path)
    {
        var rc = raw.sqlite3_open_v2(path, out var database, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = database is null ? raw.sqlite3_errstr(rc).utf8_to_string() : raw.sqlite3_errmsg(database).utf8_to_string();
            database?.Dispose();
            throw new SqliteException($"cannot open {path}: {message}", rc);
        }

        raw.sqlite3_busy_timeout(database, 5000);
        return database;
    }

    private static void Execute(sqlite3 database, string sql)
    {
        var rc = raw.sqlite3_exec(database, sql, null, null, out var error);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(error ?? raw.sqlite3_errstr(rc).utf8_to_string(), rc);
        }
    }

    /// <summary>The newest applied migration; null for a database that was never migrated (no journal).</summary>
    private static string? SqliteSchemaVersion(sqlite3 database)
    {
        try
        {
            return DataFingerprint.SqliteRows(database, "SELECT max(version) FROM schema_migrations").SingleOrDefault();
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = mode }.ToString());

    /// <summary>Runs <paramref name="run"/> on the thread pool and records how long it took.</summary>
    private static Task<T> TimedAsync<T>(List<(string, TimeSpan)> phases, string name, Func<Task<T>> run) => Task.Run(async () =>
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await run();
        lock (phases)
        {
            phases.Add((name, stopwatch.Elapsed));
        }

        return result;
    });

    private static void CopyPages(SqliteConnection source, SqliteConnection destination, Action<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var backup = raw.sqlite3_backup_init(destination.Handle, "main", source.Handle, "main");
        if (backup is null || backup.IsInvalid)
        {
            throw new SqliteException($"cannot start the backup: {raw.sqlite3_errmsg(destination.Handle).utf8_to_string()}", raw.sqlite3_errcode(destination.Handle));
        }

        int rc;
        try
        {
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                rc = raw.sqlite3_backup_step(backup, PagesPerStep);
                var total = raw.sqlite3_backup_pagecount(backup);
                progress?.Invoke(new BackupProgress("copy", total - raw.sqlite3_backup_remaining(backup), total, "pages"));
                if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
                {
                    Thread.Sleep(50);
                }
            }
            while (rc is raw.SQLITE_OK or raw.SQLITE_BUSY or raw.SQLITE_LOCKED);
        }
        finally
        {
            raw.sqlite3_backup_finish(backup);
        }

        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException($"the backup failed: {raw.sqlite3_errstr(rc).utf8_to_string()}", rc);
        }
    }

    /// <summary>Which SQLite check: <c>integrity_check</c> (all of it) or <c>quick_check</c> (all but index-to-table cross-checks).</summary>
    internal enum SqliteCheck
    {
        Full,
        Quick,
    }

    internal static async Task<string?> SqliteIntegrityAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await SqliteIntegrityAsync(connection, SqliteCheck.Full, cancellationToken);

    internal static async Task<string?> SqliteIntegrityAsync(SqliteConnection connection, SqliteCheck check, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = check == SqliteCheck.Full ? "PRAGMA integrity_check" : "PRAGMA quick_check";
        var problems = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            problems.Add(reader.GetString(0));
        }

        return problems is ["ok"] ? null : string.Join("; ", problems.Take(5));
    }

    internal static async Task<string?> SchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT max(version) FROM schema_migrations";
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (DbException) when (transaction is null || connection is SqliteConnection)
        {
            // No journal: a database that was never migrated. Its backup is still a backup; the manifest says so. (A failed
            // statement aborts a PostgreSQL transaction, so there the error stands.)
            return null;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(int Format, string? SchemaVersion, IReadOnlyList<TableSummary> Tables, long Size, string Sha256)> BackupPostgresAsync(
        string partial, Action<BackupProgress>? progress, List<(string, TimeSpan)> phases, CancellationToken cancellationToken)
    {
        var connecting = Stopwatch.StartNew();
        tools.Locate("pg_dump");
        tools.Locate("pg_restore");
        // Only built-in types are read here, so Npgsql skips loading the database's type catalogue on this connection: pg_dump
        // can start one round trip and its processing sooner.
        var sourceBuilder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        sourceBuilder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        await using var source = sourceBuilder.Build();
        await using var connection = await source.OpenConnectionAsync(cancellationToken);

        // pg_dump reads the snapshot this transaction exports, and the manifest is read in the same transaction: both see
        // exactly the same committed data, whatever writers do meanwhile.
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        string snapshotId;
        await using (var export = new NpgsqlCommand("SET TRANSACTION READ ONLY; SELECT pg_export_snapshot()", connection, snapshot))
        {
            snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }

        phases.Add(("connect, export the snapshot", connecting.Elapsed));
        using var dumpDone = new CancellationTokenSource();
        var watcher = WatchFileAsync(partial, progress, dumpDone.Token);
        var dump = TimedAsync(phases, "pg_dump", () => tools.RunAsync(
            "pg_dump", ["--no-owner", "--format=custom", $"--snapshot={snapshotId}", $"--file={partial}"], settings.ConnectionString, cancellationToken));
        string? version;
        IReadOnlyList<TableSummary> tables;
        PostgresTools.Outcome dumped;
        int format;
        var summarizing = Stopwatch.StartNew();
        try
        {
            version = await SchemaVersionAsync(connection, snapshot, cancellationToken);
            format = await DataFingerprint.FormatForAsync(connection, snapshot, cancellationToken);
            tables = await DataFingerprint.ComputeAsync(connection, snapshot, DatabaseProvider.PostgreSql, format, cancellationToken);
            lock (phases)
            {
                phases.Add(("manifest (row counts, checksums), beside pg_dump", summarizing.Elapsed));
            }
        }
        finally
        {
            dumped = await dump;
            await dumpDone.CancelAsync();
            await watcher;
        }

        await snapshot.CommitAsync(cancellationToken);
        if (dumped.ExitCode != 0)
        {
            var error = dumped.FirstError;
            throw new BackupException(
                $"pg_dump failed: {error}",
                error.Contains("No space left", StringComparison.OrdinalIgnoreCase) ? BackupFailure.Storage : BackupFailure.Database);
        }

        progress?.Invoke(new BackupProgress("pg_restore --list and SHA-256", 0, null, "checks"));
        var list = TimedAsync(phases, "pg_restore --list", () => tools.RunAsync("pg_restore", ["--list", partial], null, cancellationToken));
        var hash = TimedAsync(phases, "SHA-256", () => BackupFiles.HashAsync(partial, cancellationToken));
        await Task.WhenAll(list, hash);
        if ((await list).ExitCode != 0)
        {
            throw new BackupException($"pg_restore --list cannot read the dump: {(await list).FirstError}", BackupFailure.Invalid);
        }

        var (size, sha) = await hash;
        return (format, version, tables, size, sha);
    }

    private static async Task WatchFileAsync(string path, Action<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        if (progress is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var info = new FileInfo(path);
                progress(new BackupProgress("pg_dump", info.Exists ? info.Length : 0, null, "bytes"));
            }
        }
        catch (OperationCanceledException)
        {
            // The dump finished.
        }
    }
}
