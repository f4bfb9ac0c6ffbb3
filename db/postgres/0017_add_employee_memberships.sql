-- Payslips (issue 24): a membership may be bound to one employee record of its company (employee_id), independent of its
-- role, so a person paid by the company sees their own payslips; and the new role 'employee', which sees nothing else.
ALTER TABLE memberships ADD COLUMN employee_id uuid NULL REFERENCES employees (id) ON DELETE SET NULL;
ALTER TABLE memberships DROP CONSTRAINT ck_memberships_role;
ALTER TABLE memberships ADD CONSTRAINT ck_memberships_role CHECK (role IN ('employee', 'viewer', 'payroll_manager', 'company_admin'));
CREATE UNIQUE INDEX uq_memberships_company_employee ON memberships (company_id, employee_id) WHERE employee_id IS NOT NULL;
