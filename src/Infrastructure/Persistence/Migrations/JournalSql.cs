namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>The per-provider SQL of the <c>schema_migrations</c> journal, each dialect beside its twin.</summary>
internal sealed record JournalSql(string CreateTable, string TableExists, string ClassColumnExists)
{
    public const string Select = "SELECT version, name, checksum, applied_at, applied_by, execution_ms FROM schema_migrations ORDER BY version";

    /// <summary>From 0019 on the journal also records each migration's class, so an older build can read what it does not know.</summary>
    public const string SelectWithClass =
        "SELECT version, name, checksum, applied_at, applied_by, execution_ms, migration_class FROM schema_migrations ORDER BY version";

    public const string InsertWithClass =
        "INSERT INTO schema_migrations (version, name, checksum, applied_at, applied_by, execution_ms, migration_class) VALUES (@version, @name, @checksum, @applied_at, @applied_by, @execution_ms, @migration_class)";

    public const string Insert =
        "INSERT INTO schema_migrations (version, name, checksum, applied_at, applied_by, execution_ms) VALUES (@version, @name, @checksum, @applied_at, @applied_by, @execution_ms)";

    public const string Delete = "DELETE FROM schema_migrations WHERE version = @version";

    public static readonly JournalSql Postgres = new(
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version      text        PRIMARY KEY,
            name         text        NOT NULL,
            checksum     text        NOT NULL,
            applied_at   timestamptz NOT NULL,
            applied_by   text        NOT NULL,
            execution_ms bigint      NOT NULL
        )
        """,
        "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END",
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'schema_migrations' AND column_name = 'migration_class'");

    public static readonly JournalSql Sqlite = new(
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version      TEXT    NOT NULL PRIMARY KEY,
            name         TEXT    NOT NULL,
            checksum     TEXT    NOT NULL,
            applied_at   TEXT    NOT NULL,
            applied_by   TEXT    NOT NULL,
            execution_ms INTEGER NOT NULL
        )
        """,
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        "SELECT count(*) FROM pragma_table_info('schema_migrations') WHERE name = 'migration_class'");

    public static JournalSql For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? Sqlite : Postgres;
}
