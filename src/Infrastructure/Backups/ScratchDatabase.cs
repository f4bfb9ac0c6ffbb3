using Microsoft.Data.Sqlite;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// A new, empty database to restore into: a SQLite file in a folder of its own, or a PostgreSQL database created on the
/// server of <paramref name="server"/> (the same credentials; they need CREATEDB). Removed on dispose unless kept.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly DatabaseSettings? _server;
    private readonly string? _directory;

    private ScratchDatabase(DatabaseSettings settings, DatabaseSettings? server, string? directory, string name)
    {
        Settings = settings;
        _server = server;
        _directory = directory;
        Name = name;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>The SQLite file or the PostgreSQL database name.</summary>
    public string Name { get; }

    /// <summary>Leave the database in place when disposed (<c>payroll drill --keep</c>).</summary>
    public bool Keep { get; set; }

    public static ScratchDatabase Sqlite(string directory, string fileName)
    {
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, fileName));
        return new ScratchDatabase(DatabaseSettings.Parse("sqlite:///" + path), null, null, path);
    }

    public static ScratchDatabase SqliteInTemp(string fileName)
    {
        var directory = Path.Combine(Path.GetTempPath(), "payroll-scratch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        return new ScratchDatabase(DatabaseSettings.Parse("sqlite:///" + path), null, directory, path);
    }

    public static async Task<ScratchDatabase> PostgresAsync(DatabaseSettings server, string name, CancellationToken cancellationToken)
    {
        if (server.Provider != DatabaseProvider.PostgreSql)
        {
            throw new BackupException(
                "a PostgreSQL dump is restored into a scratch database on a PostgreSQL server: set DATABASE_URL to one (its user needs CREATEDB).",
                BackupFailure.Configuration);
        }

        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        var display = server.SafeDisplay[..(server.SafeDisplay.LastIndexOf('/') + 1)] + name;
        return new ScratchDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, builder.ConnectionString, display), server, null, name);
    }

    /// <summary>A database name PostgreSQL accepts (at most 63 bytes): the source name, a purpose and the UTC time.</summary>
    public static string PostgresName(DatabaseSettings source, string purpose, DateTimeOffset at)
    {
        var database = new NpgsqlConnectionStringBuilder(source.ConnectionString).Database ?? "payroll";
        var suffix = $"_{purpose}_{at.UtcDateTime:yyyyMMddTHHmmss}".ToLowerInvariant();
        return (database.Length + suffix.Length > 63 ? database[..(63 - suffix.Length)] : database) + suffix;
    }

    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            return;
        }

        if (_server is null)
        {
            SqliteConnection.ClearAllPools();
            if (_directory is not null)
            {
                try
                {
                    Directory.Delete(_directory, recursive: true);
                }
                catch (IOException)
                {
                    // A temporary folder left behind is harmless.
                }
            }
            else
            {
                BackupFiles.DeleteQuietly(Name, Name + "-wal", Name + "-shm");
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
