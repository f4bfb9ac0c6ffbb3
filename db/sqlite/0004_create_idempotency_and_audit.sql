-- Idempotency keys: one row per (caller, method, route template, key). A request claims its key with a lease in its own
-- short statement; the completion (status 'completed' with the stored response) commits in the business transaction.
CREATE TABLE idempotency_keys (
    caller                 TEXT        NOT NULL,
    method                 TEXT        NOT NULL,
    route                  TEXT        NOT NULL,
    idempotency_key        TEXT        NOT NULL,
    fingerprint            TEXT        NOT NULL,
    status                 TEXT        NOT NULL,
    owner_token            TEXT        NOT NULL,
    locked_until           TEXT        NOT NULL,
    request_id             TEXT        NOT NULL,
    response_status        INTEGER     NULL,
    response_location      TEXT        NULL,
    response_content_type  TEXT        NULL,
    response_body          TEXT        NULL,
    created_at             TEXT        NOT NULL,
    completed_at           TEXT        NULL,
    expires_at             TEXT        NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (caller, method, route, idempotency_key),
    CONSTRAINT ck_idempotency_keys_status CHECK (status IN ('in_flight', 'completed'))
);

CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);

-- The audit trail: one hash chain per company ("global" for events without one), so unrelated companies never wait
-- for each other. audit_chain_heads holds each chain's newest link; locking that row serialises appends to one chain.
CREATE TABLE audit_events (
    id               TEXT        NOT NULL PRIMARY KEY,
    chain            TEXT        NOT NULL,
    seq              INTEGER     NOT NULL,
    occurred_at      TEXT        NOT NULL,
    actor            TEXT        NOT NULL,
    company_id       TEXT        NULL,
    action           TEXT        NOT NULL,
    target_type      TEXT        NOT NULL,
    target_id        TEXT        NOT NULL,
    request_id       TEXT        NOT NULL,
    idempotency_key  TEXT        NULL,
    details          TEXT        NOT NULL,
    prev_hash        TEXT        NOT NULL,
    hash             TEXT        NOT NULL,
    CONSTRAINT uq_audit_events_chain_seq UNIQUE (chain, seq)
);

CREATE INDEX ix_audit_events_occurred_at_id ON audit_events (occurred_at, id);
CREATE INDEX ix_audit_events_company_occurred_at_id ON audit_events (company_id, occurred_at, id);

CREATE TABLE audit_chain_heads (
    chain  TEXT   NOT NULL PRIMARY KEY,
    seq    INTEGER NOT NULL,
    hash   TEXT   NOT NULL
);
