using Dapper;

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
}
