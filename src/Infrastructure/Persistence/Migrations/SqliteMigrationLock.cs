using System.Diagnostics;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// An exclusive OS lock on a file beside the database (<c>app.db.migrate.lock</c>), opened with <see cref="FileShare.None"/>:
/// flock(LOCK_EX) on Linux and macOS, a share-mode lock on Windows. Why not <c>BEGIN EXCLUSIVE</c> on the database itself: the
/// lock must outlive several transactions and leave the database free for DbUp's own connection, which an exclusive
/// transaction on another connection would block (a self-deadlock until the busy timeout). The file lock excludes other
/// processes and other migrators in the same process (each open is its own lock holder), and the kernel releases it when
/// the holder exits or crashes, so there is no stale lock to clean up. The file is never deleted: deleting it would let a
/// third migrator lock a fresh file while a second still held the old one.
/// </summary>
internal sealed class SqliteMigrationLock : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _file;

    private SqliteMigrationLock(FileStream file) => _file = file;

    public static string LockFilePath(string databasePath) => databasePath + ".migrate.lock";

    /// <param name="waiting">Called once if another migrator holds the lock and this one starts to wait.</param>
    public static async Task<SqliteMigrationLock> AcquireAsync(string databasePath, TimeSpan timeout, Action? waiting, CancellationToken cancellationToken)
    {
        ThrowIfFileLockingDisabled();

        // A read-only or unwritable folder fails every attempt to open the lock file, which the loop below would take for
        // another migrator's lock and wait out, then blame on it.
        if (SqliteStorage.WhyNotWritable(databasePath) is { } unwritable)
        {
            throw new MigrationException(unwritable, MigrationFailure.Unwritable);
        }

        var path = LockFilePath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return new SqliteMigrationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < timeout)
            {
                if (Interlocked.Exchange(ref waiting, null) is { } first)
                {
                    first();
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new MigrationException(
                    $"another migrator holds the migration lock {path}; gave up {MigrationLock.Describe(timeout)} " +
                    $"(raise --lock-timeout or {MigrationOptions.LockTimeoutVariable}): {ex.Message}",
                    MigrationFailure.LockTimeout,
                    inner: ex);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    /// <summary>.NET can be told to skip file locks; then this lock would silently exclude nobody, so refuse to run.</summary>
    private static void ThrowIfFileLockingDisabled()
    {
        var variable = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING");
        var disabled = (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var fromSwitch) && fromSwitch)
            || string.Equals(variable, "1", StringComparison.Ordinal) || string.Equals(variable, "true", StringComparison.OrdinalIgnoreCase);
        if (disabled)
        {
            throw new MigrationException(
                "file locking is disabled (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or System.IO.DisableFileLocking), so the SQLite migration lock cannot exclude other migrators.",
                MigrationFailure.Configuration);
        }
    }
}
