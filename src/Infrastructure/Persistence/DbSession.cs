using System.Data.Common;
using Dapper;
using PayrollPortal.Application.Common.Persistence;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// The scoped connection of one request or CLI run, and its unit of work. Repositories and query services share it, so a
/// command's reads and writes see the same transaction. Each commit tells <see cref="StorageFaults"/> (when given) whether the
/// storage took the write.
/// </summary>
public sealed class DbSession(IDbConnectionFactory factory, StorageFaults? faults = null) : IUnitOfWork, IAsyncDisposable
{
    private DbConnection? _connection;
    private IDisposable? _writer;
    private FinalStatement? _final;

    public DbTransaction? Transaction { get; private set; }

    public bool IsActive => Transaction is not null;

    public DatabaseProvider Provider => factory.Settings.Provider;

    public async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await factory.OpenAsync(cancellationToken);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already active in this scope.");
        }

        var connection = await ConnectionAsync(cancellationToken);
        _writer = await factory.EnterWriteAsync(cancellationToken);
        try
        {
            Transaction = await connection.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            LeaveWrite();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="sql"/> the transaction's last statement, run by <see cref="CommitAsync"/> just before it commits
    /// (and not at all if the transaction rolls back). On PostgreSQL it travels with the COMMIT in one round trip, so the
    /// statement costs no extra trip to the server; <paramref name="afterCommitSql"/> (PostgreSQL only) rides along after the
    /// COMMIT and <paramref name="committed"/> runs once all of it succeeded.
    /// </summary>
    public void RunBeforeCommit(string sql, object parameters, string? afterCommitSql = null, Action? committed = null)
    {
        if (Transaction is null)
        {
            throw new InvalidOperationException("No transaction to add a statement to.");
        }

        if (afterCommitSql is not null && Provider != DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException("Statements after the COMMIT are for PostgreSQL only.");
        }

        if (_final is not null)
        {
            throw new InvalidOperationException("The transaction already has a final statement.");
        }

        _final = new FinalStatement(sql, parameters, afterCommitSql, committed);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction to commit.");
        var final = _final;
        Transaction = null;
        _final = null;
        try
        {
            await using (transaction)
            {
                if (final is null)
                {
                    await transaction.CommitAsync(cancellationToken);
                    faults?.WriteSucceeded();
                    return;
                }

                // If the statement or the COMMIT fails, disposing the transaction rolls back whatever is still open.
                var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
                if (Provider == DatabaseProvider.PostgreSql)
                {
                    // One round trip: the statement, COMMIT and what follows it. If the statement fails, PostgreSQL skips the
                    // rest of the batch and the transaction stays open to be rolled back; Npgsql sees the COMMIT's
                    // ReadyForQuery and retires the transaction object without sending anything more.
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"{final.Sql};\nCOMMIT;\n{final.AfterCommitSql}", final.Parameters, transaction, cancellationToken: cancellationToken));
                }
                else
                {
                    await connection.ExecuteAsync(new CommandDefinition(final.Sql, final.Parameters, transaction, cancellationToken: cancellationToken));
                    await transaction.CommitAsync(cancellationToken);
                }

                faults?.WriteSucceeded();
                final.Committed?.Invoke();
            }
        }
        catch (Exception ex)
        {
            faults?.Observe(ex);
            throw;
        }
        finally
        {
            LeaveWrite();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        var transaction = Transaction;
        if (transaction is null)
        {
            return;
        }

        Transaction = null;
        _final = null;
        try
        {
            await using (transaction)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        finally
        {
            LeaveWrite();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync(CancellationToken.None);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private void LeaveWrite()
    {
        _writer?.Dispose();
        _writer = null;
    }

    private sealed record FinalStatement(string Sql, object Parameters, string? AfterCommitSql, Action? Committed);
}
