using System.Data.Common;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>Opens connections to the configured database, already set up for use (pragmas applied on SQLite).</summary>
public interface IDbConnectionFactory
{
    DatabaseSettings Settings { get; }

    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
