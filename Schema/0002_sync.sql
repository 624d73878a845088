-- Signatory schema 2: signed change feeds, field versions and conflicts.
-- The record tables of schema 1 become the merged view of the changes below; every local
-- edit appends a change in the same transaction.

ALTER TABLE office ADD COLUMN public_key TEXT;
ALTER TABLE office ADD COLUMN private_key TEXT;

-- Offices whose feeds this office accepts (its own included), by their cards.
CREATE TABLE trusted_office (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    trusted_at  INTEGER NOT NULL
);

-- Every office's append-only feed: each change as the JSON line a bundle carries it in
-- (see bundle.schema.json), with its position and hash for look-ups.
CREATE TABLE change_log (
    office     TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    line       TEXT NOT NULL,
    PRIMARY KEY (office, sequence)
) WITHOUT ROWID;

-- The newest signed head known of each feed, relayed with the feed's changes.
CREATE TABLE feed_head (
    office     TEXT PRIMARY KEY NOT NULL,
    sequence   INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    signature  TEXT NOT NULL
);

-- How far into each feed a peer is known to be.
CREATE TABLE peer_knowledge (
    peer      TEXT NOT NULL,
    office    TEXT NOT NULL,
    sequence  INTEGER NOT NULL,
    PRIMARY KEY (peer, office)
) WITHOUT ROWID;

-- The last hybrid logical clock reading this office issued or saw.
CREATE TABLE clock (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    last       TEXT NOT NULL
);

-- What this office knows of each record, including deleted and hidden ones: for every field,
-- the versions no later change has replaced (its heads), the timestamps of replaced versions
-- (even ones that have not arrived yet), and the newest replaced value. Encoded by RecordState.
CREATE TABLE entity_state (
    kind       TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    state      TEXT NOT NULL,
    PRIMARY KEY (kind, entity_id)
) WITHOUT ROWID;

-- The settled references between records (a contact's organisation, a signature's statement…),
-- hidden records included, so a change to one record finds the records that depend on it.
CREATE TABLE record_reference (
    kind       TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    field      TEXT NOT NULL,
    target     TEXT NOT NULL,
    PRIMARY KEY (kind, entity_id, field)
) WITHOUT ROWID;
CREATE INDEX record_reference_by_target ON record_reference (target, kind, field);

-- Open conflicts: a value that lost to a concurrent one, kept until a coordinator settles it.
CREATE TABLE conflict (
    id            TEXT PRIMARY KEY NOT NULL,
    kind          TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    field         TEXT NOT NULL,
    rule          TEXT NOT NULL,
    winner_value  TEXT NOT NULL,
    winner_hlc    TEXT NOT NULL,
    loser_value   TEXT NOT NULL,
    loser_hlc     TEXT NOT NULL
);
CREATE INDEX conflict_by_entity ON conflict (kind, entity_id);

-- An organisation's name as duplicates are compared (case, accents, punctuation ignored).
ALTER TABLE organisation ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX organisation_by_name_key ON organisation (name_key, country);

-- Organisations that look like the same one created twice.
CREATE TABLE duplicate_pair (
    first   TEXT NOT NULL,
    second  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (first, second)
) WITHOUT ROWID;

-- Office settings such as the clock-skew bound.
CREATE TABLE setting (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);
