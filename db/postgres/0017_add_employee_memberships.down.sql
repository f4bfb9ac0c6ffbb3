-- Back to memberships without an employee binding; members whose role is 'employee' have no place there and are removed.
DROP INDEX uq_memberships_company_employee;
DELETE FROM memberships WHERE role = 'employee';
ALTER TABLE memberships DROP CONSTRAINT ck_memberships_role;
ALTER TABLE memberships ADD CONSTRAINT ck_memberships_role CHECK (role IN ('viewer', 'payroll_manager', 'company_admin'));
ALTER TABLE memberships DROP COLUMN employee_id;
