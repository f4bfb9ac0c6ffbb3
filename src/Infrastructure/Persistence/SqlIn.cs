using System.Data.Common;
using Dapper;
using Npgsql;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// An <c>IN (...)</c> list with one named parameter per value, the same on both providers. Dapper's own list handling differs:
/// on Npgsql it sends one array parameter (invalid after IN), and on SQLite its expansion bypasses type handlers, so Guids
/// would arrive as blobs and match nothing.
/// </summary>
internal static class SqlIn
{
    public static string List<T>(DynamicParameters parameters, string prefix, IEnumerable<T> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"{prefix}{names.Count}";
            parameters.Add(name, value);
            names.Add("@" + name);
        }

        return names.Count == 0 ? "(NULL)" : $"({string.Join(", ", names)})";
    }

    /// <summary>
    /// <c>column</c> is one of <paramref name="values"/>, for lists that can be long (a payroll's employees): one array
    /// parameter on PostgreSQL (<c>= ANY(@name)</c>), which parses and plans like a single value, and
    /// <see cref="List{T}"/> on SQLite.
    /// </summary>
    public static string Any<T>(DbConnection connection, DynamicParameters parameters, string column, string name, IEnumerable<T> values)
    {
        if (connection is NpgsqlConnection)
        {
            parameters.Add(name, values.ToArray());
            return $"{column} = ANY(@{name})";
        }

        return $"{column} IN {List(parameters, name, values)}";
    }
}
