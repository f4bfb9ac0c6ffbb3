ALTER TABLE payroll_lines DROP COLUMN details;
DROP TABLE employee_tax_profiles;
ALTER TABLE payrolls DROP COLUMN regime;
