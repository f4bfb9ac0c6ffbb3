-- The table of 0004 again (rebuilt, so its columns are back in their places), with each outcome as that design wrote it.
ALTER TABLE idempotency_keys RENAME TO idempotency_keys_0010;
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

INSERT INTO idempotency_keys (caller, method, route, idempotency_key, fingerprint, status, owner_token, locked_until, request_id, response_status,
                              response_location, response_content_type, response_body, created_at, completed_at, expires_at)
SELECT caller, method, route, idempotency_key, fingerprint, 'completed', request_id, created_at, request_id, response_status, response_location,
       response_content_type, response_body, created_at, created_at, expires_at
FROM idempotency_keys_0010;

DROP TABLE idempotency_keys_0010;
CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);
