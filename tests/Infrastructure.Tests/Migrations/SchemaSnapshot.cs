using Dapper;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>
/// The schema as sorted text lines, so two snapshots compare with one assertion and a failure shows the differing lines.
/// The migration journal is left out: it exists once anything ran, and its rows are what up and down change on purpose.
/// </summary>
internal static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(IDbConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var lines = new List<string>();
        if (connections.Settings.Provider == DatabaseProvider.Sqlite)
        {
            // sqlite_master holds the DDL of every table, index, view and trigger; pragma_table_info adds the parsed columns.
            var objects = await connection.QueryAsync<(string Type, string Name, string Table, string? Sql)>(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'schema_migrations'");
            lines.AddRange(objects.Select(o => $"object {o.Type} {o.Name} on {o.Table}: {o.Sql}"));
            var columns = await connection.QueryAsync<(string Table, long Cid, string Name, string Type, long NotNull, string? Default, long Pk)>(
                """
                SELECT m.name, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk
                FROM sqlite_master m JOIN pragma_table_info(m.name) c
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations'
                """);
            lines.AddRange(columns.Select(c => $"column {c.Table}.{c.Name} #{c.Cid} {c.Type} notnull={c.NotNull} default={c.Default} pk={c.Pk}"));
        }
        else
        {
            var tables = await connection.QueryAsync<(string Name, string Type)>(
                "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'");
            lines.AddRange(tables.Select(t => $"table {t.Name} {t.Type}"));
            // The position among the table's live columns: PostgreSQL never reuses a dropped column's number, so a column
            // added, dropped by the down script and added again is #12 where it was #11, in the same place.
            var columns = await connection.QueryAsync<(string Table, string Name, int Position, string Type, string Udt, string Nullable, string? Default, int? Length)>(
                """
                SELECT table_name, column_name, CAST(row_number() OVER (PARTITION BY table_name ORDER BY ordinal_position) AS integer),
                       data_type, udt_name, is_nullable, column_default, character_maximum_length
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
                """);
            lines.AddRange(columns.Select(c => $"column {c.Table}.{c.Name} #{c.Position} {c.Type}/{c.Udt}({c.Length}) nullable={c.Nullable} default={c.Default}"));
            var storage = await connection.QueryAsync<(string Table, string Column, string Compression)>(
                """
                SELECT c.relname, a.attname, a.attcompression::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                  AND a.attcompression <> '' AND c.relname <> 'schema_migrations'
                """);
            lines.AddRange(storage.Select(s => $"compression {s.Table}.{s.Column} {s.Compression}"));
            var indexes = await connection.QueryAsync<(string Table, string Name, string Definition)>(
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
            lines.AddRange(indexes.Select(i => $"index {i.Table}.{i.Name}: {i.Definition}"));
            var constraints = await connection.QueryAsync<(string Table, string Name, string Type, string Definition)>(
                """
                SELECT c.conrelid::regclass::text, c.conname, c.contype::text, pg_get_constraintdef(c.oid)
                FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace AND c.conrelid::regclass::text <> 'schema_migrations'
                """);
            lines.AddRange(constraints.Select(c => $"constraint {c.Table}.{c.Name} {c.Type}: {c.Definition}"));
            var sequences = await connection.QueryAsync<string>("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'");
            lines.AddRange(sequences.Select(s => $"sequence {s}"));
            var triggers = await connection.QueryAsync<(string Table, string Name, string Timing, string Event)>(
                "SELECT event_object_table, trigger_name, action_timing, event_manipulation FROM information_schema.triggers WHERE trigger_schema = 'public'");
            lines.AddRange(triggers.Select(t => $"trigger {t.Table}.{t.Name} {t.Timing} {t.Event}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Every (table, column, nullable) of the application's schema, spelled the same way on both providers, for the parity test.</summary>
    public static async Task<IReadOnlyList<string>> TablesAndColumnsAsync(IDbConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var rows = connections.Settings.Provider == DatabaseProvider.Sqlite
            ? await connection.QueryAsync<string>(
                """
                SELECT m.name || '.' || c.name || CASE WHEN c."notnull" = 1 THEN ' not null' ELSE ' null' END
                FROM sqlite_master m JOIN pragma_table_info(m.name) c
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                """)
            : await connection.QueryAsync<string>(
                """
                SELECT table_name || '.' || column_name || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE ' null' END
                FROM information_schema.columns WHERE table_schema = 'public'
                """);
        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
