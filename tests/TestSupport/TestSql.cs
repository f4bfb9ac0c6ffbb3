using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.TestSupport;

/// <summary>A plain connection to a test database, for what a test must check or break behind the application's back.</summary>
public static class TestSql
{
    public static async Task<DbConnection> OpenAsync(this TestDatabase database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(database.Settings.ConnectionString) { Pooling = false }.ToString())
            : new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
