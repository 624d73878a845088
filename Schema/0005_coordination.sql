-- Signatory schema 5, for the coordinator's daily work.

-- The conflicts this office settled, so that settling one again says when it was settled and
-- what was kept, instead of that no such conflict exists.
CREATE TABLE resolved_conflict (
    id           TEXT PRIMARY KEY NOT NULL,
    resolved_at  INTEGER NOT NULL,
    kept         TEXT NOT NULL
);

-- Duplicate pairs found by either organisation, as every local write of an organisation
-- refreshes its own pairs.
CREATE INDEX duplicate_pair_by_second ON duplicate_pair (second);

-- The record of what was published (see Publication), as the statement's `publication` field holds it.
ALTER TABLE statement ADD COLUMN publication TEXT;
