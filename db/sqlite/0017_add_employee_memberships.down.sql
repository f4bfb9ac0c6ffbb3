-- Back to memberships without an employee binding; members whose role is 'employee' have no place there and are removed.
DROP INDEX uq_memberships_company_employee;
ALTER TABLE memberships RENAME TO memberships_0016;
CREATE TABLE memberships (
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company_id  TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (user_id, company_id),
    CONSTRAINT ck_memberships_role CHECK (role IN ('viewer', 'payroll_manager', 'company_admin'))
);

INSERT INTO memberships (user_id, company_id, role, created_at)
SELECT user_id, company_id, role, created_at FROM memberships_0016 WHERE role <> 'employee';

DROP TABLE memberships_0016;
CREATE INDEX ix_memberships_company_id ON memberships (company_id);
