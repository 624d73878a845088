-- Signatory schema 14: a second copy of each decision that narrows who may write or read here
-- (a trust revocation; on a hub an ended enrolment or a narrowed audience), kept in an index.
-- A damaged page can bring back a row as it was before the decision, with no read error; its
-- index then disagrees, and `PRAGMA integrity_check` of the table says so, which `office restore`
-- and `office recover` ask before carrying the decisions over.
CREATE INDEX trusted_office_decision ON trusted_office (revoked_after, revoked_at, revoked_after_hash);
CREATE INDEX hub_member_decision ON hub_member (audience, revoked_at);
