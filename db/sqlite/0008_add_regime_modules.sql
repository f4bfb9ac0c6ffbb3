-- Regimes as modules (issue 18). A payroll stores the regime that computed it instead of the core inferring it from its
-- lines. Existing payrolls take their company's regime (us-federal for a company without a company_regimes row).
ALTER TABLE payrolls ADD COLUMN regime TEXT NOT NULL DEFAULT 'us-federal';
UPDATE payrolls SET regime = (SELECT r.regime FROM company_regimes r WHERE r.company_id = payrolls.company_id)
WHERE EXISTS (SELECT 1 FROM company_regimes r WHERE r.company_id = payrolls.company_id);

-- Storage for a regime that brings no tables of its own (docs/decisions/0014-regime-modules-and-their-storage.md): an employee's
-- profile as one JSON document, and a line's regime figures as a JSON document beside the line. us-federal and kr keep
-- their own tables and columns.
CREATE TABLE employee_tax_profiles (
    employee_id  TEXT    NOT NULL PRIMARY KEY REFERENCES employees (id) ON DELETE CASCADE,
    regime       TEXT    NOT NULL,
    document     TEXT    NOT NULL
);

ALTER TABLE payroll_lines ADD COLUMN details TEXT NULL;
