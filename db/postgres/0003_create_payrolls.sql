CREATE TABLE payrolls (
    id             uuid        PRIMARY KEY,
    company_id     uuid        NOT NULL REFERENCES companies (id),
    period_start   date        NOT NULL,
    period_end     date        NOT NULL,
    pay_date       date        NOT NULL,
    pay_year       integer     NOT NULL,
    pay_month      integer     NOT NULL,
    pay_frequency  text        NOT NULL,
    status         text        NOT NULL,
    needs_review   boolean     NOT NULL,
    review_reason  text        NULL,
    void_reason    text        NULL,
    approved_at    timestamptz NULL,
    voided_at      timestamptz NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT ck_payrolls_status CHECK (status IN ('draft', 'approved', 'voided')),
    CONSTRAINT ck_payrolls_period CHECK (period_start <= period_end)
);

CREATE INDEX ix_payrolls_company_created_at_id ON payrolls (company_id, created_at, id);
CREATE INDEX ix_payrolls_company_year_month ON payrolls (company_id, pay_year, pay_month, status);

CREATE TABLE payroll_lines (
    payroll_id             uuid    NOT NULL REFERENCES payrolls (id) ON DELETE CASCADE,
    line_no                integer NOT NULL,
    employee_id            uuid    NOT NULL REFERENCES employees (id),
    employee_name          text    NOT NULL,
    ssn_last4              text    NOT NULL,
    gross_wages            bigint  NOT NULL,
    supplemental_wages     bigint  NOT NULL,
    retirement             bigint  NOT NULL,
    cafeteria              bigint  NOT NULL,
    hsa                    bigint  NOT NULL,
    post_tax_deductions    bigint  NOT NULL,
    fit_wages              bigint  NOT NULL,
    social_security_wages  bigint  NOT NULL,
    medicare_wages         bigint  NOT NULL,
    additional_medicare_wages bigint NOT NULL,
    federal_income_tax     bigint  NOT NULL,
    social_security        bigint  NOT NULL,
    medicare               bigint  NOT NULL,
    additional_medicare    bigint  NOT NULL,
    employer_social_security bigint NOT NULL,
    employer_medicare      bigint  NOT NULL,
    net_pay                bigint  NOT NULL,
    w4_effective_date      date    NOT NULL,
    trace                  text    NOT NULL,
    PRIMARY KEY (payroll_id, line_no),
    CONSTRAINT uq_payroll_lines_employee UNIQUE (payroll_id, employee_id)
);

CREATE INDEX ix_payroll_lines_employee ON payroll_lines (employee_id);
