CREATE TABLE companies (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    ein         TEXT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CONSTRAINT uq_companies_slug UNIQUE (slug)
);

CREATE INDEX ix_companies_created_at_id ON companies (created_at, id);
