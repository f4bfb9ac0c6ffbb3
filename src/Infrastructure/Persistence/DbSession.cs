using System.Data.Common;
using PayrollPortal.Application.Common.Persistence;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// The scoped connection of one request or CLI run, and its unit of work. Repositories and query services share it, so a
/// command's reads and writes see the same transaction.
/// </summary>
public sealed class DbSession(IDbConnectionFactory factory) : IUnitOfWork, IAsyncDisposable
{
    private DbConnection? _connection;

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
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction to commit.");
        Transaction = null;
        await using (transaction)
        {
            await transaction.CommitAsync(cancellationToken);
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
        await using (transaction)
        {
            await transaction.RollbackAsync(cancellationToken);
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
}
