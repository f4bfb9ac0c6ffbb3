-- The table of 0004 again (rebuilt, so its columns are back in their places), with each outcome as that design wrote it,
-- and the lz4 compression of 0007.
ALTER TABLE idempotency_keys RENAME TO idempotency_keys_0010;
ALTER TABLE idempotency_keys_0010 RENAME CONSTRAINT pk_idempotency_keys TO pk_idempotency_keys_0010;
ALTER INDEX ix_idempotency_keys_expires_at RENAME TO ix_idempotency_keys_0010_expires_at;
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

INSERT INTO idempotency_keys (caller, method, route, idempotency_key, fingerprint, status, owner_token, locked_until, request_id, response_status,
                              response_location, response_content_type, response_body, created_at, completed_at, expires_at)
SELECT caller, method, route, idempotency_key, fingerprint, 'completed', request_id, created_at, request_id, response_status, response_location,
       response_content_type, response_body, created_at, created_at, expires_at
FROM idempotency_keys_0010;

DROP TABLE idempotency_keys_0010;
CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);

DO $$
BEGIN
    ALTER TABLE idempotency_keys ALTER COLUMN response_body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available in this server; idempotency_keys.response_body keeps the default compression';
END
$$;
