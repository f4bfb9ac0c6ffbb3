DROP TABLE payroll_lines;
DROP TABLE payrolls;
