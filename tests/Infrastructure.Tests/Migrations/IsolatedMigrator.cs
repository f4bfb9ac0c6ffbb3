using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>
/// A migrator with connections of its own (its own NpgsqlDataSource on PostgreSQL), as a second server instance or a CLI run
/// would have, so concurrency tests exercise independent sessions rather than one shared pool.
/// </summary>
internal sealed class IsolatedMigrator : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _dataSource;

    private IsolatedMigrator(IDbConnectionFactory connections, NpgsqlDataSource? dataSource, MigrationOptions options)
    {
        Connections = connections;
        _dataSource = dataSource;
        Migrator = new SchemaMigrator(connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance, options);
    }

    public SchemaMigrator Migrator { get; }

    public IDbConnectionFactory Connections { get; }

    public static IsolatedMigrator Create(TestDatabase database, string? scripts = null, TimeSpan? lockTimeout = null)
    {
        var options = new MigrationOptions { ExtraScriptsDirectory = scripts, LockTimeout = lockTimeout ?? MigrationOptions.DefaultLockTimeout };
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return new IsolatedMigrator(new SqliteConnectionFactory(database.Settings), null, options);
        }

        var dataSource = NpgsqlDataSource.Create(database.Settings.ConnectionString);
        return new IsolatedMigrator(new PostgresConnectionFactory(database.Settings, dataSource), dataSource, options);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException($"no value from {sql}");
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }

    public async Task<bool> TableExistsAsync(string table) => Connections.Settings.Provider == DatabaseProvider.Sqlite
        ? await ScalarAsync<long>($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'") == 1
        : await ScalarAsync<bool>($"SELECT to_regclass('{table}') IS NOT NULL");

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
