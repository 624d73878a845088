-- Signatory schema 6: bundles encrypted for the offices they are for (the age v1 format).

-- This office's X25519 encryption key, as an age identity (AGE-SECRET-KEY-1…). Signatory
-- creates it when it opens a database of an earlier schema: SQL cannot make a key.
ALTER TABLE office ADD COLUMN encryption_key TEXT;

-- Each trusted office's encryption key as an age recipient (age1…), with its signing key's
-- signature over it; both empty for offices trusted from cards without one.
ALTER TABLE trusted_office ADD COLUMN recipient TEXT;
ALTER TABLE trusted_office ADD COLUMN recipient_signature TEXT;
