using System.Data.Common;
using Npgsql;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>Connections from the process-wide <see cref="NpgsqlDataSource"/>, which owns the pool.</summary>
public sealed class PostgresConnectionFactory(DatabaseSettings settings, NpgsqlDataSource dataSource) : IDbConnectionFactory
{
    public DatabaseSettings Settings { get; } = settings;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
