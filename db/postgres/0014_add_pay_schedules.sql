-- Pay schedules, pay on the employee and runs that fill themselves (issue 22; docs/SCHEDULES.md).
CREATE TABLE pay_schedules (
    id                    uuid        PRIMARY KEY,
    company_id            uuid        NOT NULL REFERENCES companies (id),
    name                  text        NOT NULL,
    frequency             text        NOT NULL,
    first_period_start    date        NOT NULL,
    pay_date_offset_days  integer     NOT NULL,
    pay_day_of_month      integer     NULL,
    pay_in_next_month     boolean     NOT NULL,
    created_at            timestamptz NOT NULL,
    CONSTRAINT uq_pay_schedules_company_name UNIQUE (company_id, name)
);

-- Payslips, hours files and imports name people by their employee number, unique within the company.
ALTER TABLE employees ADD COLUMN employee_number text NULL;
ALTER TABLE employees ADD COLUMN pay_schedule_id uuid NULL REFERENCES pay_schedules (id);
CREATE UNIQUE INDEX uq_employees_company_number ON employees (company_id, employee_number) WHERE employee_number IS NOT NULL;
CREATE INDEX ix_employees_pay_schedule ON employees (pay_schedule_id) WHERE pay_schedule_id IS NOT NULL;

-- What the employee earns, effective-dated like the W-4: the record in effect on a period's end date applies. The terms
-- are the regime's own (salary or hourly rate and recurring deductions for us-federal, the monthly base for kr), written
-- and read by the regime's module as one JSON document in minor units.
CREATE TABLE employee_compensation (
    employee_id     uuid        NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    effective_from  date        NOT NULL,
    pay_type        text        NOT NULL,
    terms           text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (employee_id, effective_from)
);

-- A run belongs to its schedule's period; one live (draft or approved) payroll per period, so two starts cannot both win.
ALTER TABLE payrolls ADD COLUMN pay_schedule_id uuid NULL REFERENCES pay_schedules (id);
ALTER TABLE payrolls ADD COLUMN off_cycle boolean NOT NULL DEFAULT false;
ALTER TABLE payrolls ADD COLUMN off_cycle_reason text NULL;
CREATE UNIQUE INDEX uq_payrolls_schedule_period ON payrolls (pay_schedule_id, period_start)
    WHERE pay_schedule_id IS NOT NULL AND status IN ('draft', 'approved');

-- How a generated line's gross pay was made (pay type, hours, rate, proration), as JSON; NULL for a line typed by hand.
ALTER TABLE payroll_lines ADD COLUMN earnings text NULL;

-- A kr line's 국민연금 and 건강·장기요양보험 rule for a month of hire or leaving (acquisition- and loss-month rules, as JSON:
-- which premiums are due and on what monthly pay); NULL in an ordinary month, whose premiums follow the month's pay.
ALTER TABLE payroll_kr_lines ADD COLUMN premium_month text NULL;
