-- Idempotency keys are held while they execute and written once, with their outcome (ADR 0010), so every row is a
-- stored response. The claim-and-lease columns of the first design (status, owner_token, locked_until) and completed_at
-- (always equal to created_at) are neither read nor written any more; no release wrote a row 'in_flight' after that
-- design, and none has shipped. A stored outcome always has its status and body, so both become NOT NULL.
-- SQLite drops a column used by a CHECK constraint only by rebuilding the table.
ALTER TABLE idempotency_keys RENAME TO idempotency_keys_0009;
CREATE TABLE idempotency_keys (
    caller                 TEXT        NOT NULL,
    method                 TEXT        NOT NULL,
    route                  TEXT        NOT NULL,
    idempotency_key        TEXT        NOT NULL,
    fingerprint            TEXT        NOT NULL,
    request_id             TEXT        NOT NULL,
    response_status        INTEGER     NOT NULL,
    response_location      TEXT        NULL,
    response_content_type  TEXT        NULL,
    response_body          TEXT        NOT NULL,
    created_at             TEXT        NOT NULL,
    expires_at             TEXT        NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (caller, method, route, idempotency_key)
);

INSERT INTO idempotency_keys (caller, method, route, idempotency_key, fingerprint, request_id, response_status, response_location, response_content_type, response_body, created_at, expires_at)
SELECT caller, method, route, idempotency_key, fingerprint, request_id, response_status, response_location, response_content_type, response_body, created_at, expires_at
FROM idempotency_keys_0009
WHERE status = 'completed' AND response_status IS NOT NULL AND response_body IS NOT NULL;

DROP TABLE idempotency_keys_0009;
CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);
