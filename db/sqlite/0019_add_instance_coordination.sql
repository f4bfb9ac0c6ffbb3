-- Several instances on one database (issue 28): nothing an instance needs lives only on its disk, and limits and jobs hold
-- across instances. The Data Protection key ring (session cookies), encrypted at rest with the PII key ring (ADR 0017);
-- each running instance's build and expected schema, with a heartbeat, so `migrate up` refuses a contract migration while
-- an older build serves; the per-client sign-in counters of a sliding window; the last run of each periodic job; and each
-- migration's class (expand or contract) in the journal, so an older build can tell what it does not know.
-- On SQLite the server keeps its Data Protection keys in DATA_DIR; the table exists so both engines hold the same schema.
ALTER TABLE schema_migrations ADD COLUMN migration_class TEXT NULL;

CREATE TABLE data_protection_keys (
    name           TEXT NOT NULL PRIMARY KEY,
    protected_xml  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE instance_heartbeats (
    instance_id   TEXT NOT NULL PRIMARY KEY,
    build         TEXT NOT NULL,
    schema_head   TEXT NOT NULL,
    host          TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    heartbeat_at  TEXT NOT NULL
);

CREATE TABLE sign_in_windows (
    client        TEXT    NOT NULL,
    window_start  TEXT    NOT NULL,
    attempts      INTEGER NOT NULL,
    CONSTRAINT pk_sign_in_windows PRIMARY KEY (client, window_start)
);

CREATE INDEX ix_sign_in_windows_window_start ON sign_in_windows (window_start);

CREATE TABLE job_runs (
    job              TEXT NOT NULL PRIMARY KEY,
    last_started_at  TEXT NOT NULL,
    last_instance    TEXT NOT NULL
);
