-- Several instances on one database (issue 28): nothing an instance needs lives only on its disk, and limits and jobs hold
-- across instances. The Data Protection key ring (session cookies), encrypted at rest with the PII key ring (ADR 0017);
-- each running instance's build and expected schema, with a heartbeat, so `migrate up` refuses a contract migration while
-- an older build serves; the per-client sign-in counters of a sliding window; the last run of each periodic job; and each
-- migration's class (expand or contract) in the journal, so an older build can tell what it does not know.
ALTER TABLE schema_migrations ADD COLUMN migration_class text NULL;

CREATE TABLE data_protection_keys (
    name           text        PRIMARY KEY,
    protected_xml  text        NOT NULL,
    created_at     timestamptz NOT NULL
);

CREATE TABLE instance_heartbeats (
    instance_id   text        PRIMARY KEY,
    build         text        NOT NULL,
    schema_head   text        NOT NULL,
    host          text        NOT NULL,
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL
);

CREATE TABLE sign_in_windows (
    client        text        NOT NULL,
    window_start  timestamptz NOT NULL,
    attempts      integer     NOT NULL,
    CONSTRAINT pk_sign_in_windows PRIMARY KEY (client, window_start)
);

CREATE INDEX ix_sign_in_windows_window_start ON sign_in_windows (window_start);

CREATE TABLE job_runs (
    job              text        PRIMARY KEY,
    last_started_at  timestamptz NOT NULL,
    last_instance    text        NOT NULL
);
