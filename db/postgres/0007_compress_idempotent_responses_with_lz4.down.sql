ALTER TABLE idempotency_keys ALTER COLUMN response_body SET COMPRESSION default;
