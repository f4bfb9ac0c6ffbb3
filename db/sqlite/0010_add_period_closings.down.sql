DROP INDEX ix_payrolls_year_month;
DROP TABLE period_closings;
