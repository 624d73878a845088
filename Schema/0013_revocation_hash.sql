-- Signatory schema 13: `office revoke --after N --hash H` names the change at position N by its
-- hash when this office does not hold it yet. Changes of the revoked office up to N are then
-- taken only from a bundle whose feed reaches N with that hash, so whoever holds its old key
-- cannot fill those positions with other changes. NULL: the position was held here (its change
-- names it), or the revocation predates schema 13.
ALTER TABLE trusted_office ADD COLUMN revoked_after_hash TEXT;
