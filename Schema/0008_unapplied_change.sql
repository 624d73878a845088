-- Signatory schema 8: changes of record kinds a later minor of change format 2 added.

-- Such a change is held in change_log like any other and relayed byte for byte, but this release
-- cannot apply it. A release that knows the kind applies the changes listed here from the log.
CREATE TABLE unapplied_change (
    office     TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (office, sequence)
) WITHOUT ROWID;
