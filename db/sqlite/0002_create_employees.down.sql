DROP TABLE employee_w4s;
DROP TABLE employees;
