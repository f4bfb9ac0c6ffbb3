using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// A database other than the configured one (a scratch copy, a staging restore), with its own connection factory and
/// migrator, so that verify, restore and the drill check it through the same code as the server.
/// </summary>
public sealed class StandaloneDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _dataSource;

    public StandaloneDatabase(DatabaseSettings settings, string? extraScriptsDirectory = null)
    {
        Settings = settings;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Connections = new SqliteConnectionFactory(settings);
        }
        else
        {
            _dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
            Connections = new PostgresConnectionFactory(settings, _dataSource);
        }

        Migrator = new SchemaMigrator(
            Connections, TimeProvider.System, NullLogger<SchemaMigrator>.Instance, new MigrationOptions { ExtraScriptsDirectory = extraScriptsDirectory });
    }

    public DatabaseSettings Settings { get; }

    public IDbConnectionFactory Connections { get; }

    public SchemaMigrator Migrator { get; }

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => Connections.OpenAsync(cancellationToken);

    /// <param name="format">The format of the manifest the summary is compared with: it decides how checksums are computed.</param>
    public async Task<IReadOnlyList<TableSummary>> SummarizeAsync(int format, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await DataFingerprint.ComputeAsync(connection, null, Settings.Provider, format, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
