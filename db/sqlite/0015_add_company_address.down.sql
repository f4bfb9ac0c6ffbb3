ALTER TABLE companies DROP COLUMN address_country;
ALTER TABLE companies DROP COLUMN address_postal_code;
ALTER TABLE companies DROP COLUMN address_region;
ALTER TABLE companies DROP COLUMN address_city;
ALTER TABLE companies DROP COLUMN address_line2;
ALTER TABLE companies DROP COLUMN address_line1;
ALTER TABLE companies DROP COLUMN registration_number;
