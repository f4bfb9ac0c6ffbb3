-- A closed month of pay dates (issue 26): while a row exists, no payroll paid in that month is posted, edited, approved
-- or voided. Reopening deletes the row; the audit trail keeps both events with the reason.
CREATE TABLE period_closings (
    company_id  TEXT    NOT NULL REFERENCES companies (id),
    pay_year    INTEGER NOT NULL,
    pay_month   INTEGER NOT NULL,
    closed_at   TEXT    NOT NULL,
    closed_by   TEXT    NOT NULL,
    PRIMARY KEY (company_id, pay_year, pay_month),
    CONSTRAINT ck_period_closings_month CHECK (pay_month BETWEEN 1 AND 12)
);

-- The closing dashboard reads every company's payrolls in a range of months.
CREATE INDEX ix_payrolls_year_month ON payrolls (pay_year, pay_month, company_id, status, updated_at);
