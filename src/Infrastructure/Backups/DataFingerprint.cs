using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// Row counts of every table and a content checksum of the payroll data (companies, employees and their W-4 withholding
/// certificates, payrolls, payroll lines with their withholding amounts): each row, in primary-key order, every column typed
/// and length-prefixed, into one SHA-256 per table. Two databases of the same provider with the same data give the same
/// summaries, so a restore can be compared with the source as of its backup.
/// <para>
/// How a content checksum is computed depends on the manifest's format (<see cref="BackupManifest.FormatVersion"/>), so that
/// a backup is always compared the way it was summarized. SQLite, every format: read here through the C API, as above.
/// PostgreSQL, format 1: read here through Npgsql, as above. PostgreSQL, format 2 (<see cref="ServerSideFormat"/>, servers 14
/// and newer): computed by the server, <c>sha256</c> over the 8-byte <c>hash_record_extended(row, 0)</c> of each row in
/// primary-key order. That is PostgreSQL's own binary hash of every column (the one hash partitioning relies on, so it is
/// stable across versions and <c>pg_upgrade</c>); no row is converted to text or sent to the client, which made the backup's
/// manifest read cost less than the <c>pg_dump</c> it runs beside (bench/README.md, "Backups and the DR drill").
/// </para>
/// <para>
/// Format 3 (<see cref="UnorderedFormat"/>) combines per-row hashes order-independently, so every table is read by a plain
/// scan, without sorting or walking the primary-key index: SQLite, the sum of each row's XxHash128
/// (<see cref="SqliteRowHashes"/>); PostgreSQL, the sums of each row's <c>hash_record_extended</c> with seeds 0 and 1, each
/// mixed by <c>hashint8extended</c> (128 bits of hash per row), computed by the server. Either way the checksum is the SHA-256 of the row count and the sums.
/// </para>
/// </summary>
public static class DataFingerprint
{
    /// <summary>The first manifest format whose PostgreSQL content checksums are computed by the server.</summary>
    public const int ServerSideFormat = 2;

    /// <summary>The first manifest format whose content checksums do not depend on row order (both providers).</summary>
    public const int UnorderedFormat = 3;

    /// <summary>The oldest PostgreSQL with <c>hash_record_extended</c>; older servers get format 1 checksums.</summary>
    public const int ServerSideMinimumVersion = 140000;

    /// <summary>The tables whose content is checksummed, with the columns that order them.</summary>
    public static readonly IReadOnlyList<(string Table, string OrderBy)> ContentTables =
    [
        ("companies", "id"),
        ("employees", "id"),
        ("employee_w4s", "employee_id, effective_date"),
        ("payrolls", "id"),
        ("payroll_lines", "payroll_id, line_no"),
        ("company_regimes", "company_id"),
        ("employee_kr_profiles", "employee_id, effective_date"),
        ("payroll_kr_lines", "payroll_id, line_no"),
        ("employee_tax_profiles", "employee_id"),
    ];

    /// <summary>The manifest format a backup of this database gets: <see cref="ServerSideFormat"/> unless the server is too old.</summary>
    public static async Task<int> FormatForAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection)
        {
            return BackupManifest.CurrentFormat;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT current_setting('server_version_num')::int";
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return version >= ServerSideMinimumVersion ? BackupManifest.CurrentFormat : 1;
    }

    /// <param name="format">The manifest format whose checksums to compute (<see cref="BackupManifest.FormatVersion"/>).</param>
    public static async Task<IReadOnlyList<TableSummary>> ComputeAsync(
        DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, int format, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            // SQLite reads through the C API on the connection's own handle, inside its current transaction, if any.
            return ComputeSqlite(sqlite.Handle!, format, cancellationToken);
        }

        var tables = await ListTablesAsync(connection, transaction, provider, cancellationToken);
        var summaries = new List<TableSummary>(tables.Count);
        foreach (var table in tables)
        {
            var content = ContentTables.FirstOrDefault(t => t.Table == table);
            summaries.Add(content.Table is null
                ? new TableSummary(table, await CountAsync(connection, transaction, table, cancellationToken), null)
                : format >= UnorderedFormat
                    ? await HashSumOnServerAsync(connection, transaction, content.Table, cancellationToken)
                    : format >= ServerSideFormat
                        ? await HashOnServerAsync(connection, transaction, content.Table, content.OrderBy, cancellationToken)
                        : await HashAsync(connection, transaction, content.Table, content.OrderBy, cancellationToken));
        }

        return summaries;
    }

    /// <summary>
    /// SQLite row counts and checksums on a raw connection handle, in its current read transaction: the backup reads them
    /// on a connection opened without a mutex, beside the copy (<see cref="DatabaseBackup"/>).
    /// </summary>
    public static IReadOnlyList<TableSummary> ComputeSqlite(sqlite3 database, int format, CancellationToken cancellationToken)
    {
        var tables = SqliteRows(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        tables.Sort(StringComparer.Ordinal);
        var summaries = new List<TableSummary>(tables.Count);
        foreach (var table in tables)
        {
            var content = ContentTables.FirstOrDefault(t => t.Table == table);
            summaries.Add(content.Table is null
                ? new TableSummary(table, long.Parse(SqliteRows(database, $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"").Single(), System.Globalization.CultureInfo.InvariantCulture), null)
                : format >= UnorderedFormat
                    ? SqliteRowHashes.Summarize(database, content.Table, cancellationToken)
                    : HashSqlite(database, content.Table, content.OrderBy, cancellationToken));
        }

        return summaries;
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text.</summary>
    internal static List<string> SqliteRows(sqlite3 database, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(database, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
        }

        var rows = new List<string>();
        using (statement)
        {
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                rows.Add(raw.sqlite3_column_text(statement, 0).utf8_to_string());
            }
        }

        return rc == raw.SQLITE_DONE ? rows : throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
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

    /// <summary>
    /// PostgreSQL, format 2: the row count and <c>sha256</c> over each row's 64-bit <c>hash_record_extended</c> in key order,
    /// all in one statement on the server. The aggregate holds 8 bytes per row (PostgreSQL's 1 GB value limit: 130 million
    /// rows per table).
    /// </summary>
    private static async Task<TableSummary> HashOnServerAsync(
        DbConnection connection, DbTransaction? transaction, string table, string orderBy, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT count(*), encode(sha256(coalesce(string_agg(int8send(hash_record_extended(t, 0)), ''::bytea ORDER BY {orderBy}), ''::bytea)), 'hex')
            FROM {table} t
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TableSummary(table, reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>
    /// PostgreSQL, format 3: the row count and the sums (exact, as numeric) of each row's <c>hash_record_extended</c> with
    /// seeds 0 and 1, each mixed once more by <c>hashint8extended</c>, in one scan on the server; the checksum is the SHA-256
    /// of <c>count:sum0:sum1</c>. The mixing is required: <c>hash_record_extended</c> combines its column hashes linearly
    /// (<c>h = 31 h + column hash</c>), so a plain sum over rows would equal a weighted sum of per-column sums and miss a
    /// value swapped between two rows (<c>UnorderedChecksumTests</c>).
    /// </summary>
    private static async Task<TableSummary> HashSumOnServerAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT count(*),
                   coalesce(sum(hashint8extended(hash_record_extended(t, 0), 0)::numeric), 0)::text,
                   coalesce(sum(hashint8extended(hash_record_extended(t, 1), 0)::numeric), 0)::text
            FROM {table} t
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var rows = reader.GetInt64(0);
        var text = $"{rows}:{reader.GetString(1)}:{reader.GetString(2)}";
        return new TableSummary(table, rows, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    private static async Task<TableSummary> HashAsync(DbConnection connection, DbTransaction? transaction, string table, string orderBy, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {table} ORDER BY {orderBy}";
        var sink = new RowSink();
        long rows = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var columns = reader.FieldCount;
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                for (var i = 0; i < columns; i++)
                {
                    sink.Append(reader, i);
                }
            }
        }

        return new TableSummary(table, rows, sink.Finish());
    }

    /// <summary>
    /// SQLite through its C API: text and blobs are hashed from SQLite's own UTF-8 buffers, without a string per value. The
    /// bytes fed to the hash are the same as through ADO.NET (type tag, then the UTF-8 text or the integer).
    /// </summary>
    private static TableSummary HashSqlite(sqlite3 database, string table, string orderBy, CancellationToken cancellationToken)
    {
        var rc = raw.sqlite3_prepare_v2(database, $"SELECT * FROM {table} ORDER BY {orderBy}", out var statement);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
        }

        var sink = new RowSink();
        long rows = 0;
        using (statement)
        {
            var columns = raw.sqlite3_column_count(statement);
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++rows & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var i = 0; i < columns; i++)
                {
                    switch (raw.sqlite3_column_type(statement, i))
                    {
                        case raw.SQLITE_NULL:
                            sink.Null();
                            break;
                        case raw.SQLITE_INTEGER:
                            sink.Fixed(3, raw.sqlite3_column_int64(statement, i));
                            break;
                        case raw.SQLITE_FLOAT:
                            sink.Fixed(5, BitConverter.DoubleToInt64Bits(raw.sqlite3_column_double(statement, i)));
                            break;
                        case raw.SQLITE_TEXT:
                            sink.Bytes(1, raw.sqlite3_column_blob(statement, i));
                            break;
                        default:
                            sink.Bytes(2, raw.sqlite3_column_blob(statement, i));
                            break;
                    }
                }
            }
        }

        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
        }

        return new TableSummary(table, rows, sink.Finish());
    }

    /// <summary>
    /// Encodes values straight into one buffer that is hashed when full: a type tag, then the value; text and bytes are
    /// length-prefixed so that no two rows encode alike. No allocation per value beyond what the reader makes.
    /// </summary>
    private sealed class RowSink
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[256 * 1024];
        private int _length;

        public void Append(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                Null();
                return;
            }

            var type = reader.GetFieldType(ordinal);
            if (type == typeof(string))
            {
                Text(1, reader.GetString(ordinal));
            }
            else if (type == typeof(long) || type == typeof(int) || type == typeof(short))
            {
                Fixed(3, reader.GetInt64(ordinal));
            }
            else if (type == typeof(bool))
            {
                Fixed(4, reader.GetBoolean(ordinal) ? 1 : 0);
            }
            else if (type == typeof(double))
            {
                Fixed(5, BitConverter.DoubleToInt64Bits(reader.GetDouble(ordinal)));
            }
            else
            {
                Other(reader.GetValue(ordinal));
            }
        }

        public void Null()
        {
            Reserve(1)[0] = 0;
            _length += 1;
        }

        public string Finish()
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
            var hex = Convert.ToHexStringLower(_hash.GetHashAndReset());
            _hash.Dispose();
            return hex;
        }

        private void Other(object value)
        {
            switch (value)
            {
                case byte[] bytes:
                    Bytes(2, bytes);
                    break;
                case DateTime instant:
                    Fixed(6, instant.Ticks);
                    break;
                case DateTimeOffset instant:
                    Fixed(7, instant.UtcTicks);
                    break;
                case DateOnly date:
                    Fixed(8, date.DayNumber);
                    break;
                case Guid id:
                    Bytes(9, id.ToByteArray());
                    break;
                default:
                    Text(10, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                    break;
            }
        }

        private void Text(byte tag, string text)
        {
            var max = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (max + 5 > _buffer.Length)
            {
                Bytes(tag, Encoding.UTF8.GetBytes(text));
                return;
            }

            var span = Reserve(max + 5);
            span[0] = tag;
            var written = Encoding.UTF8.GetBytes(text, span[5..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[1..], written);
            _length += 5 + written;
        }

        public void Bytes(byte tag, ReadOnlySpan<byte> bytes)
        {
            var header = Reserve(5);
            header[0] = tag;
            BinaryPrimitives.WriteInt32LittleEndian(header[1..], bytes.Length);
            _length += 5;
            if (bytes.Length <= _buffer.Length)
            {
                bytes.CopyTo(Reserve(bytes.Length));
                _length += bytes.Length;
                return;
            }

            Flush();
            _hash.AppendData(bytes);
        }

        public void Fixed(byte tag, long value)
        {
            var span = Reserve(9);
            span[0] = tag;
            BinaryPrimitives.WriteInt64LittleEndian(span[1..], value);
            _length += 9;
        }

        private Span<byte> Reserve(int bytes)
        {
            if (_length + bytes > _buffer.Length)
            {
                Flush();
            }

            return _buffer.AsSpan(_length);
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
        }
    }
}
