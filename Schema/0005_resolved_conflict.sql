-- Signatory schema 5: the conflicts this office settled, so that settling one again says when
-- it was settled and what was kept, instead of that no such conflict exists.

CREATE TABLE resolved_conflict (
    id           TEXT PRIMARY KEY NOT NULL,
    resolved_at  INTEGER NOT NULL,
    kept         TEXT NOT NULL
);
