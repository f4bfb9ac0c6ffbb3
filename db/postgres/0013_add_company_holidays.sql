-- A company's holiday list (issue 22): a pay date that falls on one moves to the previous business day, and US proration
-- counts it as a weekday. Replaced as a whole by PUT /api/companies/{id}/holidays.
CREATE TABLE company_holidays (
    company_id  uuid NOT NULL REFERENCES companies (id),
    date        date NOT NULL,
    name        text NOT NULL,
    PRIMARY KEY (company_id, date)
);
