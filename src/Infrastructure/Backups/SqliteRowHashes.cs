using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// Manifest format 3 content checksums on SQLite: every row of a table read in storage order (a table scan, not a walk of the
/// primary-key index with a table lookup per row), each row encoded as in the older formats (per column a type tag, then the
/// 64-bit integer or float bits, or the length-prefixed UTF-8 text or blob bytes), hashed with XxHash128, and the 128-bit
/// row hashes added up (mod 2^128). A sum does not depend on the order rows come in, so the same rows give the same checksum
/// whatever their physical order; each row hash covers its key and every column, so a changed, missing, added or swapped
/// value changes the sum. The table's checksum is the SHA-256 of the row count and that sum.
/// <para>
/// XxHash128 is not a cryptographic hash: the checksum detects corruption and differences between a database and its backup
/// (2^-128 chance of a miss), not deliberate forgery, which the manifest (unsigned, beside the file) could not stop anyway.
/// The backup file itself is covered by a SHA-256.
/// </para>
/// <para>
/// The column values are read straight from SQLite's result row through <see cref="Native"/>: a per-column call through
/// SQLitePCL's safe handles costs several times more than SQLite's own scan (bench/README.md, "Backups and the DR drill").
/// </para>
/// </summary>
internal static class SqliteRowHashes
{
    /// <summary>Row count and checksum of <paramref name="table"/>, read on <paramref name="database"/> (its current transaction, if any).</summary>
    public static TableSummary Summarize(sqlite3 database, string table, CancellationToken cancellationToken)
    {
        var rc = raw.sqlite3_prepare_v2(database, $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", out var statement);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
        }

        UInt128 sum = 0;
        long rows = 0;
        var row = new byte[64 * 1024];
        using (statement)
        {
            var handle = statement.DangerousGetHandle();
            var columns = Native.sqlite3_column_count(handle);
            while ((rc = Native.sqlite3_step(handle)) == raw.SQLITE_ROW)
            {
                if ((++rows & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var length = 0;
                for (var i = 0; i < columns; i++)
                {
                    switch (Native.sqlite3_column_type(handle, i))
                    {
                        case raw.SQLITE_NULL:
                            Reserve(ref row, length, 1);
                            row[length++] = 0;
                            break;
                        case raw.SQLITE_INTEGER:
                            Reserve(ref row, length, 9);
                            row[length] = 3;
                            BinaryPrimitives.WriteInt64LittleEndian(row.AsSpan(length + 1), Native.sqlite3_column_int64(handle, i));
                            length += 9;
                            break;
                        case raw.SQLITE_FLOAT:
                            Reserve(ref row, length, 9);
                            row[length] = 5;
                            BinaryPrimitives.WriteInt64LittleEndian(row.AsSpan(length + 1), BitConverter.DoubleToInt64Bits(Native.sqlite3_column_double(handle, i)));
                            length += 9;
                            break;
                        case var type:
                            // Text (1) or blob (2): sqlite3_column_blob returns a text value's UTF-8 bytes unconverted.
                            var value = Native.sqlite3_column_blob(handle, i);
                            var bytes = Native.sqlite3_column_bytes(handle, i);
                            Reserve(ref row, length, 5 + bytes);
                            row[length] = type == raw.SQLITE_TEXT ? (byte)1 : (byte)2;
                            BinaryPrimitives.WriteInt32LittleEndian(row.AsSpan(length + 1), bytes);
                            if (bytes > 0)
                            {
                                Marshal.Copy(value, row, length + 5, bytes);
                            }

                            length += 5 + bytes;
                            break;
                    }
                }

                sum += XxHash128.HashToUInt128(row.AsSpan(0, length));
            }
        }

        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
        }

        return new TableSummary(table, rows, Checksum(rows, sum));
    }

    /// <summary>SHA-256 of the row count (8 bytes) and the sum of the row hashes (16 bytes), little-endian, as lowercase hex.</summary>
    internal static string Checksum(long rows, UInt128 sum)
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, rows);
        BinaryPrimitives.WriteUInt128LittleEndian(bytes[8..], sum);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static void Reserve(ref byte[] row, int length, int more)
    {
        if (length + more > row.Length)
        {
            Array.Resize(ref row, Math.Max(row.Length * 2, length + more));
        }
    }

    /// <summary>
    /// The e_sqlite3 library Microsoft.Data.Sqlite already loaded, called on the raw statement pointer. The column accessors
    /// only read the current result row and take no lock on a connection opened without a mutex (or held by one thread), so
    /// they skip the GC transition; <c>sqlite3_step</c>, which does I/O, does not.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library)]
        public static extern int sqlite3_step(IntPtr statement);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_count(IntPtr statement);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        public static extern double sqlite3_column_double(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_bytes(IntPtr statement, int column);
    }
}
