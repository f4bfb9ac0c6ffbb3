DROP TABLE company_holidays;
