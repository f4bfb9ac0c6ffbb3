-- US state income-tax withholding (issue 23). An employee's work state and state withholding certificate, effective-dated
-- like the W-4 so an old payroll recomputes with the certificate of its pay date; the certificate is the state's own form,
-- whose fields differ by state, so it is kept as one JSON document. Each payroll line's state figures sit in columns the
-- us-federal module owns (docs/decisions/0014-regime-modules-and-their-storage.md): other regimes' lines store NULL and 0.
-- (0010 is taken by another change in flight.)
CREATE TABLE employee_state_certificates (
    employee_id     uuid    NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    effective_date  date    NOT NULL,
    work_state      text    NULL,
    certificate     text    NOT NULL,
    PRIMARY KEY (employee_id, effective_date)
);

ALTER TABLE payroll_lines ADD COLUMN state_jurisdiction text NULL;
ALTER TABLE payroll_lines ADD COLUMN state_wages bigint NOT NULL DEFAULT 0;
ALTER TABLE payroll_lines ADD COLUMN state_income_tax bigint NOT NULL DEFAULT 0;
