-- The kr withholding regime (issue 12). A company's regime and currency decide its employees' profile, its payroll inputs
-- and its withholdings; existing companies are us-federal in USD. Money stays integer minor units of the
-- currency: cents for USD, won for KRW (no minor unit). An employee's ssn_* columns hold the national identifier of the
-- company's regime (the SSN, or the 주민등록번호 for kr), encrypted and blind-indexed the same way.
-- A company's regime and currency, fixed at creation. A company without a row (every company created before this
-- migration) is us-federal in USD, so no existing table changes shape.
CREATE TABLE company_regimes (
    company_id  TEXT    NOT NULL PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    regime      TEXT    NOT NULL,
    currency    TEXT    NOT NULL
);

-- The kr withholding profile, effective-dated like the W-4 so an old payroll recomputes with the profile of its pay date.
CREATE TABLE employee_kr_profiles (
    employee_id          TEXT    NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    effective_date       TEXT    NOT NULL,
    dependents           INTEGER NOT NULL,
    children_8_to_20     INTEGER NOT NULL,
    withholding_ratio    INTEGER NOT NULL,
    meals                INTEGER NOT NULL,
    car_allowance        INTEGER NOT NULL,
    childcare            INTEGER NOT NULL,
    PRIMARY KEY (employee_id, effective_date),
    CONSTRAINT ck_employee_kr_profiles_ratio CHECK (withholding_ratio IN (80, 100, 120))
);

-- A kr payroll line's inputs and its six deductions, beside the payroll_lines row it details.
CREATE TABLE payroll_kr_lines (
    payroll_id            TEXT    NOT NULL,
    line_no               INTEGER NOT NULL,
    base_pay              INTEGER NOT NULL,
    taxable_allowances    INTEGER NOT NULL,
    bonus                 INTEGER NOT NULL,
    meals                 INTEGER NOT NULL,
    car_allowance         INTEGER NOT NULL,
    childcare             INTEGER NOT NULL,
    taxable_pay           INTEGER NOT NULL,
    non_taxable_pay       INTEGER NOT NULL,
    national_pension      INTEGER NOT NULL,
    health_insurance      INTEGER NOT NULL,
    long_term_care        INTEGER NOT NULL,
    employment_insurance  INTEGER NOT NULL,
    income_tax            INTEGER NOT NULL,
    local_income_tax      INTEGER NOT NULL,
    dependents            INTEGER NOT NULL,
    children_8_to_20      INTEGER NOT NULL,
    withholding_ratio     INTEGER NOT NULL,
    PRIMARY KEY (payroll_id, line_no),
    CONSTRAINT fk_payroll_kr_lines_line FOREIGN KEY (payroll_id, line_no) REFERENCES payroll_lines (payroll_id, line_no) ON DELETE CASCADE
);
