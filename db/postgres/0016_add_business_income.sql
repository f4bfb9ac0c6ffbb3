-- Business-income payees and their monthly sheets (사업소득, the kr regime's; issue 27, docs/BUSINESS_INCOME.md).
-- The 주민등록번호 is stored as an employee's is: encrypted, blind-indexed for the company's duplicate check, last four in clear.
CREATE TABLE business_income_payees (
    id                  uuid        PRIMARY KEY,
    company_id          uuid        NOT NULL REFERENCES companies (id),
    name                text        NOT NULL,
    rrn_ciphertext      text        NOT NULL,
    rrn_blind_index     text        NOT NULL,
    rrn_last4           text        NOT NULL,
    resident_type       text        NOT NULL,
    business_type_code  text        NOT NULL,
    treaty_rate_bp      integer     NULL,
    created_at          timestamptz NOT NULL,
    CONSTRAINT uq_business_income_payees_company_rrn UNIQUE (company_id, rrn_blind_index),
    CONSTRAINT ck_business_income_payees_resident_type CHECK (resident_type IN ('resident', 'nonresident'))
);

CREATE INDEX ix_business_income_payees_company_name ON business_income_payees (company_id, name);

-- A sheet belongs to the month of its pay date, which is the month that closes it (docs/PERIODS.md).
CREATE TABLE business_income_sheets (
    id           uuid        PRIMARY KEY,
    company_id   uuid        NOT NULL REFERENCES companies (id),
    pay_date     date        NOT NULL,
    pay_year     integer     NOT NULL,
    pay_month    integer     NOT NULL,
    status       text        NOT NULL,
    void_reason  text        NULL,
    approved_at  timestamptz NULL,
    voided_at    timestamptz NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT ck_business_income_sheets_status CHECK (status IN ('draft', 'approved', 'voided'))
);

CREATE INDEX ix_business_income_sheets_company_month ON business_income_sheets (company_id, pay_year, pay_month);

-- Each line's figures as computed on the pay date, in whole won; the rate in basis points (300 = 3%).
CREATE TABLE business_income_lines (
    sheet_id             uuid        NOT NULL REFERENCES business_income_sheets (id) ON DELETE CASCADE,
    line_no              integer     NOT NULL,
    payee_id             uuid        NOT NULL REFERENCES business_income_payees (id),
    amount               bigint      NOT NULL,
    rate_bp              integer     NOT NULL,
    income_tax           bigint      NOT NULL,
    local_income_tax     bigint      NOT NULL,
    net_amount           bigint      NOT NULL,
    small_amount_exempt  boolean     NOT NULL,
    PRIMARY KEY (sheet_id, line_no)
);

CREATE INDEX ix_business_income_lines_payee ON business_income_lines (payee_id);
