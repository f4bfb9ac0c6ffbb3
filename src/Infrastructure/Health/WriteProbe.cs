using Dapper;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Health;

/// <summary>
/// The smallest write that proves the storage takes data again, changing nothing: SQLite rewrites its header's
/// <c>user_version</c> with the value it has (a page written through the WAL); PostgreSQL runs an UPDATE that matches no row,
/// which a read-only database still refuses, and commits a transaction id, which writes and flushes the WAL.
/// </summary>
internal static class WriteProbe
{
    private const string PostgresSql = "UPDATE schema_migrations SET version = version WHERE false; SELECT pg_current_xact_id();";

    public static async Task RunAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var writer = await connections.EnterWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (connections.Settings.Provider == DatabaseProvider.Sqlite)
        {
            var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA user_version", transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA user_version = {version}", transaction: transaction, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(PostgresSql, transaction: transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
