using Microsoft.Data.Sqlite;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.TestSupport;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in its own temporary folder, or a new database on the shared
/// throwaway PostgreSQL cluster that build/test.sh starts (TEST_POSTGRES_URL). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresUrlVariable = "TEST_POSTGRES_URL";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;
    private readonly string? _postgresServer;

    private TestDatabase(DatabaseProvider provider, string url, string? sqliteDirectory, string? postgresName, string? postgresServer = null)
    {
        _postgresServer = postgresServer;
        Provider = provider;
        Url = url;
        Settings = DatabaseSettings.Parse(url);
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The database as a DATABASE_URL.</summary>
    public string Url { get; }

    public DatabaseSettings Settings { get; }

    /// <param name="postgresServer">Another PostgreSQL server than TEST_POSTGRES_URL (a test's own cluster), as a URL.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? postgresServer = null)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "payroll-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(provider, $"sqlite:///{directory}/app.db", directory, null);
        }

        var server = postgresServer ?? ServerUrl();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(DatabaseSettings.Parse(server).ConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new UriBuilder(server) { Path = "/" + name };
        return new TestDatabase(provider, builder.Uri.ToString(), null, name, postgresServer);
    }

    /// <summary>A SQLite database file in <paramref name="directory"/> (a mount the test owns); its files are deleted when disposed.</summary>
    public static TestDatabase SqliteIn(string directory) =>
        new(DatabaseProvider.Sqlite, $"sqlite:///{directory}/app.db", directory, null);

    /// <summary>The PostgreSQL server for tests. Missing means a failure, never a silent skip: build/test.sh always sets it.</summary>
    public static string ServerUrl() =>
        Environment.GetEnvironmentVariable(PostgresUrlVariable) is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException(
                $"{PostgresUrlVariable} is not set. PostgreSQL tests need a server: run ./build/test.sh, which starts a throwaway cluster, " +
                $"or export {PostgresUrlVariable}=postgresql://postgres@127.0.0.1:5432/postgres.");

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file still held open by a finished test is harmless in a temporary folder.
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(DatabaseSettings.Parse(_postgresServer ?? ServerUrl()).ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
        await command.ExecuteNonQueryAsync();
    }

    public override string ToString() => Provider.ToString();
}
