CREATE TABLE payrolls (
    id             TEXT        NOT NULL PRIMARY KEY,
    company_id     TEXT        NOT NULL REFERENCES companies (id),
    period_start   TEXT        NOT NULL,
    period_end     TEXT        NOT NULL,
    pay_date       TEXT        NOT NULL,
    pay_year       INTEGER     NOT NULL,
    pay_month      INTEGER     NOT NULL,
    pay_frequency  TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    needs_review   INTEGER     NOT NULL,
    review_reason  TEXT        NULL,
    void_reason    TEXT        NULL,
    approved_at    TEXT        NULL,
    voided_at      TEXT        NULL,
    created_at     TEXT        NOT NULL,
    updated_at     TEXT        NOT NULL,
    CONSTRAINT ck_payrolls_status CHECK (status IN ('draft', 'approved', 'voided')),
    CONSTRAINT ck_payrolls_period CHECK (period_start <= period_end)
);

CREATE INDEX ix_payrolls_company_created_at_id ON payrolls (company_id, created_at, id);
CREATE INDEX ix_payrolls_company_year_month ON payrolls (company_id, pay_year, pay_month, status);

CREATE TABLE payroll_lines (
    payroll_id             TEXT    NOT NULL REFERENCES payrolls (id) ON DELETE CASCADE,
    line_no                INTEGER NOT NULL,
    employee_id            TEXT    NOT NULL REFERENCES employees (id),
    employee_name          TEXT    NOT NULL,
    ssn_last4              TEXT    NOT NULL,
    gross_wages            INTEGER  NOT NULL,
    supplemental_wages     INTEGER  NOT NULL,
    retirement             INTEGER  NOT NULL,
    cafeteria              INTEGER  NOT NULL,
    hsa                    INTEGER  NOT NULL,
    post_tax_deductions    INTEGER  NOT NULL,
    fit_wages              INTEGER  NOT NULL,
    social_security_wages  INTEGER  NOT NULL,
    medicare_wages         INTEGER  NOT NULL,
    additional_medicare_wages INTEGER NOT NULL,
    federal_income_tax     INTEGER  NOT NULL,
    social_security        INTEGER  NOT NULL,
    medicare               INTEGER  NOT NULL,
    additional_medicare    INTEGER  NOT NULL,
    employer_social_security INTEGER NOT NULL,
    employer_medicare      INTEGER  NOT NULL,
    net_pay                INTEGER  NOT NULL,
    w4_effective_date      TEXT    NOT NULL,
    trace                  TEXT    NOT NULL,
    PRIMARY KEY (payroll_id, line_no),
    CONSTRAINT uq_payroll_lines_employee UNIQUE (payroll_id, employee_id)
);

CREATE INDEX ix_payroll_lines_employee ON payroll_lines (employee_id);
