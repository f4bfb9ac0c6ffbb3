using System.Data.Common;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>Opens connections to the configured database, already set up for use (pragmas applied on SQLite).</summary>
public interface IDbConnectionFactory
{
    DatabaseSettings Settings { get; }

    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called before a write transaction begins; disposing the result lets the next writer in. Only SQLite (one writer per
    /// file) queues writers here; PostgreSQL returns null and lets its row locks decide.
    /// </summary>
    ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Why the database's file can no longer be trusted (SQLite: removed or replaced since start-up), or null.</summary>
    string? DescribeFileProblem() => null;
}
