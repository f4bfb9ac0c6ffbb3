-- Year-to-date figures carried in from the payroll a company used before (issue 25, docs/IMPORTS.md). A record is one
-- employee's totals for a tax year as of a date, for one month (period_month; the as-of month when the record names no
-- period). Corrections add a record: the latest recorded for an employee, tax year and month is the one that counts, and
-- the earlier ones stay for the audit trail. The amounts are the regime's own (us-federal wages and taxes in cents, kr
-- pay and deductions in won), written and read by its module as one JSON document of integer minor units.
CREATE TABLE opening_balances (
    id            TEXT        NOT NULL PRIMARY KEY,
    company_id    TEXT        NOT NULL REFERENCES companies (id),
    employee_id   TEXT        NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    tax_year      INTEGER     NOT NULL,
    as_of         TEXT        NOT NULL,
    period_month  INTEGER     NOT NULL,
    regime        TEXT        NOT NULL,
    amounts       TEXT        NOT NULL,
    recorded_at   TEXT        NOT NULL,
    CONSTRAINT ck_opening_balances_period_month CHECK (period_month BETWEEN 1 AND 12)
);

CREATE INDEX ix_opening_balances_company_year ON opening_balances (company_id, tax_year, employee_id);
