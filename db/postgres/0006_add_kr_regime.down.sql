DROP TABLE payroll_kr_lines;
DROP TABLE employee_kr_profiles;
DROP TABLE company_regimes;
