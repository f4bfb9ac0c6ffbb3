CREATE TABLE employees (
    id                TEXT    NOT NULL PRIMARY KEY,
    company_id        TEXT    NOT NULL REFERENCES companies (id),
    first_name        TEXT    NOT NULL,
    last_name         TEXT    NOT NULL,
    ssn_ciphertext    TEXT    NOT NULL,
    ssn_blind_index   TEXT    NOT NULL,
    ssn_last4         TEXT    NOT NULL,
    hire_date         TEXT    NOT NULL,
    termination_date  TEXT    NULL,
    pay_frequency     TEXT    NOT NULL,
    exempt            INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    CONSTRAINT uq_employees_company_ssn UNIQUE (company_id, ssn_blind_index)
);

CREATE INDEX ix_employees_company_created_at_id ON employees (company_id, created_at, id);

CREATE TABLE employee_w4s (
    employee_id               TEXT    NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    effective_date            TEXT    NOT NULL,
    version                   TEXT    NOT NULL,
    filing_status             TEXT    NULL,
    step2_checkbox            INTEGER NOT NULL,
    step3_dependents          INTEGER NOT NULL,
    step4a_other_income       INTEGER NOT NULL,
    step4b_deductions         INTEGER NOT NULL,
    step4c_extra_withholding  INTEGER NOT NULL,
    marital_status            TEXT    NULL,
    allowances                INTEGER NOT NULL,
    extra_withholding         INTEGER NOT NULL,
    exempt                    INTEGER NOT NULL,
    PRIMARY KEY (employee_id, effective_date)
);
