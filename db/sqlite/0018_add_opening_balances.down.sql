DROP INDEX ix_opening_balances_company_year;
DROP TABLE opening_balances;
