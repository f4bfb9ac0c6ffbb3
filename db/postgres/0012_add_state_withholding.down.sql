ALTER TABLE payroll_lines DROP COLUMN state_income_tax;
ALTER TABLE payroll_lines DROP COLUMN state_wages;
ALTER TABLE payroll_lines DROP COLUMN state_jurisdiction;
DROP TABLE employee_state_certificates;
