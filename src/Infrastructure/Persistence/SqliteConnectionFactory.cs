using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace PayrollPortal.Infrastructure.Persistence;

public sealed class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    private const int BusyTimeoutMs = 5000;
    private readonly SqliteWriterGate _writers;
    private readonly string _existingFileOnly;
    private readonly Lock _originalLock = new();
    private SqliteConnection? _original;
    private volatile bool _moved;
    private int _initialized;
    private bool _disposed;

    public SqliteConnectionFactory(DatabaseSettings settings)
    {
        Settings = settings;
        _writers = SqliteWriterGate.For(settings.SqlitePath!);
        _existingFileOnly = new SqliteConnectionStringBuilder(settings.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        var directory = Path.GetDirectoryName(settings.SqlitePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    public DatabaseSettings Settings { get; }

    public ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        _writers.EnterAsync(TimeSpan.FromMilliseconds(BusyTimeoutMs), cancellationToken);

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ThrowIfFileMoved();

        // Once the file is known, never create one: a missing file must fail, not quietly become a new empty database.
        var connection = new SqliteConnection(_original is null ? Settings.ConnectionString : _existingFileOnly);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();

            // WAL is a property of the file and persists; busy_timeout is per connection.
            command.CommandText = Interlocked.Exchange(ref _initialized, 1) == 0
                ? $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMs};"
                : $"PRAGMA busy_timeout={BusyTimeoutMs};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            KeepOriginal();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Why the database file cannot be used any more, or null while it is the file this process started with.</summary>
    public string? DescribeFileProblem()
    {
        try
        {
            ThrowIfFileMoved();
            return null;
        }
        catch (DatabaseFileMovedException ex)
        {
            return ex.Message;
        }
    }

    public void Dispose()
    {
        lock (_originalLock)
        {
            _original?.Dispose();
            _original = null;
            _disposed = true;
        }
    }

    /// <summary>
    /// Compares the file at the path with the one this process opened first. SQLite's own check (SQLITE_FCNTL_HAS_MOVED)
    /// compares the inode its open descriptor has with the one the path names now, so a deleted, renamed or replaced file
    /// is seen even though pooled connections could go on writing into the old one unnoticed.
    /// </summary>
    private void ThrowIfFileMoved()
    {
        if (!_moved)
        {
            lock (_originalLock)
            {
                if (_original is null || !HasMoved(_original))
                {
                    return;
                }

                _moved = true;
            }
        }

        throw new DatabaseFileMovedException(Settings.SqlitePath!);
    }

    /// <summary>
    /// A connection of its own, outside the pool, held open for the life of the factory: the file's identity. One read opens
    /// the WAL index too, whose lock tells <c>payroll restore</c> that a server has the file open even while the pool is
    /// empty (idle connections pruned, or cleared by <see cref="SqliteConnection.ClearAllPools"/>).
    /// </summary>
    private void KeepOriginal()
    {
        if (_original is not null)
        {
            return;
        }

        lock (_originalLock)
        {
            // A late caller during shutdown (an instance removing its heartbeat) must not reopen a file handle nobody closes.
            if (_original is not null || _disposed)
            {
                return;
            }

            var original = new SqliteConnection(new SqliteConnectionStringBuilder(_existingFileOnly) { Pooling = false }.ToString());
            original.Open();
            using (var read = original.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM sqlite_master";
                read.ExecuteScalar();
            }

            _original = original;
        }
    }

    private static bool HasMoved(SqliteConnection connection)
    {
        var moved = 0;
        var rc = Native.sqlite3_file_control(connection.Handle!.DangerousGetHandle(), Native.MainDatabase, Native.FcntlHasMoved, ref moved);
        return rc == 0 && moved != 0;
    }

    /// <summary>The e_sqlite3 library Microsoft.Data.Sqlite already loaded; SQLitePCLRaw does not wrap sqlite3_file_control.</summary>
    private static class Native
    {
        public const int FcntlHasMoved = 20;

        public static readonly byte[] MainDatabase = "main\0"u8.ToArray();

        [DllImport("e_sqlite3")]
        public static extern int sqlite3_file_control(IntPtr db, byte[] dbName, int op, ref int arg);
    }
}
