-- A stored response (a 50-line payroll answers with 53 KB of JSON) is compressed by the server when it is written. lz4
-- does that about ten times faster than the default pglz, at a similar ratio for JSON (ADR 0011). Only new values are
-- compressed with it; the column stays text, so a release before this one still reads and writes it. A server built
-- without lz4 keeps its default.
DO $$
BEGIN
    ALTER TABLE idempotency_keys ALTER COLUMN response_body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available in this server; idempotency_keys.response_body keeps the default compression';
END
$$;
