-- Idempotency keys are held while they execute and written once, with their outcome (ADR 0010), so every row is a
-- stored response. The claim-and-lease columns of the first design (status, owner_token, locked_until) and completed_at
-- (always equal to created_at) are neither read nor written any more; no release wrote a row 'in_flight' after that
-- design, and none has shipped. A stored outcome always has its status and body, so both become NOT NULL.
DELETE FROM idempotency_keys WHERE status <> 'completed' OR response_status IS NULL OR response_body IS NULL;
ALTER TABLE idempotency_keys
    DROP COLUMN status,
    DROP COLUMN owner_token,
    DROP COLUMN locked_until,
    DROP COLUMN completed_at,
    ALTER COLUMN response_status SET NOT NULL,
    ALTER COLUMN response_body SET NOT NULL;
