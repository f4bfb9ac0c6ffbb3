-- Idempotency keys: one row per (caller, method, route template, key). A request claims its key with a lease in its own
-- short statement; the completion (status 'completed' with the stored response) commits in the business transaction.
CREATE TABLE idempotency_keys (
    caller                 text        NOT NULL,
    method                 text        NOT NULL,
    route                  text        NOT NULL,
    idempotency_key        text        NOT NULL,
    fingerprint            text        NOT NULL,
    status                 text        NOT NULL,
    owner_token            text        NOT NULL,
    locked_until           timestamptz NOT NULL,
    request_id             text        NOT NULL,
    response_status        integer     NULL,
    response_location      text        NULL,
    response_content_type  text        NULL,
    response_body          text        NULL,
    created_at             timestamptz NOT NULL,
    completed_at           timestamptz NULL,
    expires_at             timestamptz NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (caller, method, route, idempotency_key),
    CONSTRAINT ck_idempotency_keys_status CHECK (status IN ('in_flight', 'completed'))
);

CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);

-- The audit trail: one hash chain per company ("global" for events without one), so unrelated companies never wait
-- for each other. audit_chain_heads holds each chain's newest link; locking that row serialises appends to one chain.
CREATE TABLE audit_events (
    id               uuid        PRIMARY KEY,
    chain            text        NOT NULL,
    seq              bigint      NOT NULL,
    occurred_at      timestamptz NOT NULL,
    actor            text        NOT NULL,
    company_id       uuid        NULL,
    action           text        NOT NULL,
    target_type      text        NOT NULL,
    target_id        text        NOT NULL,
    request_id       text        NOT NULL,
    idempotency_key  text        NULL,
    details          text        NOT NULL,
    prev_hash        text        NOT NULL,
    hash             text        NOT NULL,
    CONSTRAINT uq_audit_events_chain_seq UNIQUE (chain, seq)
);

CREATE INDEX ix_audit_events_occurred_at_id ON audit_events (occurred_at, id);
CREATE INDEX ix_audit_events_company_occurred_at_id ON audit_events (company_id, occurred_at, id);

CREATE TABLE audit_chain_heads (
    chain  text   NOT NULL PRIMARY KEY,
    seq    bigint NOT NULL,
    hash   text   NOT NULL
);
