-- Identity: users with an ASP.NET Core Identity password hash, per-company memberships with a role, server-side portal
-- sessions (so logout ends a session everywhere) and API tokens. Sessions and tokens store only the SHA-256 of their
-- secret, never the secret itself.
CREATE TABLE users (
    id               TEXT    NOT NULL PRIMARY KEY,
    email            TEXT    NOT NULL,
    password_hash    TEXT    NOT NULL,
    is_admin         INTEGER NOT NULL DEFAULT 0,
    failed_logins    INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT    NULL,
    created_at       TEXT    NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE memberships (
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company_id  TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (user_id, company_id),
    CONSTRAINT ck_memberships_role CHECK (role IN ('viewer', 'payroll_manager', 'company_admin'))
);

CREATE INDEX ix_memberships_company_id ON memberships (company_id);

CREATE TABLE sessions (
    id_hash      TEXT NOT NULL PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    revoked_at   TEXT NULL
);

CREATE INDEX ix_sessions_user_id ON sessions (user_id);
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);

CREATE TABLE api_tokens (
    id            TEXT NOT NULL PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    company_id    TEXT NULL REFERENCES companies (id) ON DELETE CASCADE,
    role          TEXT NOT NULL,
    token_hash    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    last_used_at  TEXT NULL,
    revoked_at    TEXT NULL,
    CONSTRAINT uq_api_tokens_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_api_tokens_role CHECK (role IN ('viewer', 'payroll_manager', 'company_admin', 'admin')),
    CONSTRAINT ck_api_tokens_scope CHECK ((role = 'admin') = (company_id IS NULL))
);

CREATE INDEX ix_api_tokens_user_id ON api_tokens (user_id);
CREATE INDEX ix_api_tokens_company_id ON api_tokens (company_id);
