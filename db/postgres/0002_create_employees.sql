CREATE TABLE employees (
    id                uuid        PRIMARY KEY,
    company_id        uuid        NOT NULL REFERENCES companies (id),
    first_name        text        NOT NULL,
    last_name         text        NOT NULL,
    ssn_ciphertext    text        NOT NULL,
    ssn_blind_index   text        NOT NULL,
    ssn_last4         text        NOT NULL,
    hire_date         date        NOT NULL,
    termination_date  date        NULL,
    pay_frequency     text        NOT NULL,
    exempt            boolean     NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT uq_employees_company_ssn UNIQUE (company_id, ssn_blind_index)
);

CREATE INDEX ix_employees_company_created_at_id ON employees (company_id, created_at, id);

CREATE TABLE employee_w4s (
    employee_id               uuid    NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    effective_date            date    NOT NULL,
    version                   text    NOT NULL,
    filing_status             text    NULL,
    step2_checkbox            boolean NOT NULL,
    step3_dependents          bigint  NOT NULL,
    step4a_other_income       bigint  NOT NULL,
    step4b_deductions         bigint  NOT NULL,
    step4c_extra_withholding  bigint  NOT NULL,
    marital_status            text    NULL,
    allowances                integer NOT NULL,
    extra_withholding         bigint  NOT NULL,
    exempt                    boolean NOT NULL,
    PRIMARY KEY (employee_id, effective_date)
);
