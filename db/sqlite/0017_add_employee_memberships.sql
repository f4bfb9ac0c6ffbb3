-- Payslips (issue 24): a membership may be bound to one employee record of its company (employee_id), independent of its
-- role, so a person paid by the company sees their own payslips; and the new role 'employee', which sees nothing else.
-- SQLite changes a CHECK constraint, and adds a column with REFERENCES, only by rebuilding the table.
ALTER TABLE memberships RENAME TO memberships_0015;
CREATE TABLE memberships (
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company_id   TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    role         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    employee_id  TEXT NULL REFERENCES employees (id) ON DELETE SET NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (user_id, company_id),
    CONSTRAINT ck_memberships_role CHECK (role IN ('employee', 'viewer', 'payroll_manager', 'company_admin'))
);

INSERT INTO memberships (user_id, company_id, role, created_at, employee_id)
SELECT user_id, company_id, role, created_at, NULL FROM memberships_0015;

DROP TABLE memberships_0015;
CREATE INDEX ix_memberships_company_id ON memberships (company_id);
CREATE UNIQUE INDEX uq_memberships_company_employee ON memberships (company_id, employee_id) WHERE employee_id IS NOT NULL;
