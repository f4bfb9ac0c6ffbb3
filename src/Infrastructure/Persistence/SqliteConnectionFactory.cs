using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PayrollPortal.Infrastructure.Persistence;

public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private const int BusyTimeoutMs = 5000;
    private readonly SqliteWriterGate _writers;
    private int _initialized;

    public SqliteConnectionFactory(DatabaseSettings settings)
    {
        Settings = settings;
        _writers = SqliteWriterGate.For(settings.SqlitePath!);
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
        var connection = new SqliteConnection(Settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();

            // WAL is a property of the file and persists; busy_timeout is per connection.
            command.CommandText = Interlocked.Exchange(ref _initialized, 1) == 0
                ? $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMs};"
                : $"PRAGMA busy_timeout={BusyTimeoutMs};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
