using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// Row counts of every table and a content checksum of the payroll data (companies, employees and their W-4 withholding
/// certificates, payrolls, payroll lines with their withholding amounts): each row, in primary-key order, every column typed
/// and length-prefixed, into one SHA-256 per table. Two databases of the same provider with the same data give the same
/// summaries, so a restore can be compared with the source as of its backup.
/// </summary>
public static class DataFingerprint
{
    /// <summary>The tables whose content is checksummed, with the columns that order them.</summary>
    public static readonly IReadOnlyList<(string Table, string OrderBy)> ContentTables =
    [
        ("companies", "id"),
        ("employees", "id"),
        ("employee_w4s", "employee_id, effective_date"),
        ("payrolls", "id"),
        ("payroll_lines", "payroll_id, line_no"),
    ];

    public static async Task<IReadOnlyList<TableSummary>> ComputeAsync(
        DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var tables = await ListTablesAsync(connection, transaction, provider, cancellationToken);
        var summaries = new List<TableSummary>(tables.Count);
        foreach (var table in tables)
        {
            var content = ContentTables.FirstOrDefault(t => t.Table == table);
            summaries.Add(content.Table is null
                ? new TableSummary(table, await CountAsync(connection, transaction, table, cancellationToken), null)
                : await HashAsync(connection, transaction, content.Table, content.OrderBy, cancellationToken));
        }

        return summaries;
    }

    /// <summary>One line per difference between what a backup recorded and what a restored database holds; empty when equal.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<TableSummary> expected, IReadOnlyList<TableSummary> actual)
    {
        var problems = new List<string>();
        var byName = actual.ToDictionary(t => t.Table, StringComparer.Ordinal);
        foreach (var want in expected)
        {
            if (!byName.TryGetValue(want.Table, out var got))
            {
                problems.Add($"table {want.Table} is missing (the manifest lists {want.Rows} row(s))");
                continue;
            }

            if (got.Rows != want.Rows)
            {
                problems.Add($"table {want.Table} has {got.Rows} row(s), the manifest says {want.Rows}");
            }
            else if (want.ContentSha256 is not null && !string.Equals(want.ContentSha256, got.ContentSha256, StringComparison.Ordinal))
            {
                problems.Add($"table {want.Table}: content checksum {Short(got.ContentSha256)} differs from the manifest's {Short(want.ContentSha256)}");
            }
        }

        foreach (var extra in actual.Where(a => expected.All(e => e.Table != a.Table)))
        {
            problems.Add($"table {extra.Table} is not in the manifest");
        }

        return problems;
    }

    private static string Short(string? sha) => sha is null ? "(none)" : sha[..12];

    private static async Task<List<string>> ListTablesAsync(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        tables.Sort(StringComparer.Ordinal);
        return tables;
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<TableSummary> HashAsync(DbConnection connection, DbTransaction? transaction, string table, string orderBy, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {table} ORDER BY {orderBy}";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        var length = 0;
        long rows = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var columns = reader.FieldCount;
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                for (var i = 0; i < columns; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    var bytes = Encode(value);
                    if (length + bytes.Length > buffer.Length)
                    {
                        hash.AppendData(buffer, 0, length);
                        length = 0;
                    }

                    if (bytes.Length > buffer.Length)
                    {
                        hash.AppendData(bytes);
                    }
                    else
                    {
                        bytes.CopyTo(buffer.AsSpan(length));
                        length += bytes.Length;
                    }
                }
            }
        }

        hash.AppendData(buffer, 0, length);
        return new TableSummary(table, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A type tag, then the value; text and bytes are length-prefixed so that no two rows encode alike.</summary>
    private static byte[] Encode(object? value)
    {
        switch (value)
        {
            case null:
                return [0];
            case string text:
                return Prefixed(1, Encoding.UTF8.GetBytes(text));
            case byte[] bytes:
                return Prefixed(2, bytes);
            case long or int or short or byte:
                return Fixed(3, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            case bool flag:
                return [4, flag ? (byte)1 : (byte)0];
            case double number:
                return Fixed(5, BitConverter.DoubleToInt64Bits(number));
            case DateTime instant:
                return Fixed(6, instant.Ticks);
            case DateTimeOffset instant:
                return Fixed(7, instant.UtcTicks);
            case DateOnly date:
                return Fixed(8, date.DayNumber);
            case Guid id:
                return Prefixed(9, id.ToByteArray());
            default:
                return Prefixed(10, Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        }
    }

    private static byte[] Prefixed(byte tag, byte[] payload)
    {
        var bytes = new byte[5 + payload.Length];
        bytes[0] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), payload.Length);
        payload.CopyTo(bytes, 5);
        return bytes;
    }

    private static byte[] Fixed(byte tag, long value)
    {
        var bytes = new byte[9];
        bytes[0] = tag;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(1), value);
        return bytes;
    }
}
