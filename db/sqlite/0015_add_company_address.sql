-- A company's settings page (issue 26): the Korean business registration number (사업자등록번호, ###-##-#####) beside the
-- EIN, and the postal address its payslips print. All nullable: existing companies have neither until someone enters them.
-- (0013 and 0014, the holidays and pay schedules of issue 22, were merged while this was written.)
ALTER TABLE companies ADD COLUMN registration_number TEXT NULL;
ALTER TABLE companies ADD COLUMN address_line1 TEXT NULL;
ALTER TABLE companies ADD COLUMN address_line2 TEXT NULL;
ALTER TABLE companies ADD COLUMN address_city TEXT NULL;
ALTER TABLE companies ADD COLUMN address_region TEXT NULL;
ALTER TABLE companies ADD COLUMN address_postal_code TEXT NULL;
ALTER TABLE companies ADD COLUMN address_country TEXT NULL;
