-- Signatory schema 13: a revocation (`office revoke`) names the change at its position by its
-- hash. Changes of the revoked office up to that position that are not held here are then taken
-- only from a bundle whose feed reaches that change with that hash, so whoever holds its old key
-- cannot fill those positions with other changes, also once a backup holding fewer of them is
-- restored. A revocation made before schema 13 at a position held here gets that change's hash;
-- NULL: position 0, or a position beyond what was held when an earlier release revoked it.
ALTER TABLE trusted_office ADD COLUMN revoked_after_hash TEXT;
UPDATE trusted_office SET revoked_after_hash = (
    SELECT hash FROM change_log WHERE office = trusted_office.id AND sequence = trusted_office.revoked_after
) WHERE revoked_after IS NOT NULL;
