CREATE TABLE companies (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    slug        text        NOT NULL,
    ein         text        NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT uq_companies_slug UNIQUE (slug)
);

CREATE INDEX ix_companies_created_at_id ON companies (created_at, id);
