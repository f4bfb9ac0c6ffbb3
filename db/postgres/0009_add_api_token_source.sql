-- Where a token was created ('session' or 'operator'), shown by GET /api/tokens. Tokens created before this column are
-- NULL: until this release a token could also mint tokens, so their source is not known.
ALTER TABLE api_tokens ADD COLUMN created_via text NULL;
