-- Signatory schema 12: an office can stop trusting another (`office revoke`), whose laptop or
-- key may be in other hands. The feed is kept as held; changes after the last one taken here
-- are refused, relayed by another office or not. NULL: trusted.
ALTER TABLE trusted_office ADD COLUMN revoked_after INTEGER;
ALTER TABLE trusted_office ADD COLUMN revoked_at INTEGER;
