using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace PayrollPortal.Infrastructure.Persistence.Regimes;

/// <summary>
/// Inserts many rows of one table in the command's transaction: PostgreSQL takes them through a binary COPY; SQLite, which
/// has no COPY and no round trips to save, runs one prepared single-row INSERT per row. Shared by the core's payroll lines,
/// a regime's own line table, and an employee import's new employees, profiles and compensation records.
/// </summary>
public sealed class LineRowWriter(DbSession session)
{
    public async Task InsertAsync(string table, IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, columns, rows, cancellationToken);
            return;
        }

        // One single-row INSERT, prepared once and executed per row: Dapper runs a list of parameter sets on one command,
        // and SQLite keeps the command's statement compiled. A multi-row INSERT looked cheaper but binds by name in
        // quadratic time (1,200 parameters for 50 lines cost 30 ms of CPU, bench/README.md "SQLite payroll posts").
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var perRow = new List<DynamicParameters>();
        foreach (var row in rows)
        {
            var parameters = new DynamicParameters();
            var column = 0;
            foreach (var value in row)
            {
                parameters.Add($"p{column++}", value);
            }

            perRow.Add(parameters);
        }

        if (perRow.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, perRow, session.Transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        await writer.WriteNullAsync(cancellationToken);
                        break;
                    case Guid id:
                        await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                        break;
                    case int number:
                        await writer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken);
                        break;
                    case long cents:
                        await writer.WriteAsync(cents, NpgsqlDbType.Bigint, cancellationToken);
                        break;
                    case DateOnly date:
                        await writer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken);
                        break;
                    case string text:
                        await writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
                        break;
                    case bool flag:
                        await writer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken);
                        break;
                    case DateTimeOffset instant:
                        await writer.WriteAsync(instant.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException($"No COPY mapping for {value.GetType().Name}.");
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
