-- Signatory schema 4: an organisation's iCSO number, the number of its profile in the UN
-- iCSO database. Two organisations with the same number are flagged as a duplicate pair.

ALTER TABLE organisation ADD COLUMN icso_number TEXT CHECK (icso_number IS NULL OR icso_number <> '');
CREATE INDEX organisation_by_icso_number ON organisation (icso_number) WHERE icso_number IS NOT NULL;
