-- Signatory schema 11: the organisation and signature tables check their values by comparison.
--
-- SQLite checks `x IN ('a', 'b', 'c')`, a list of three or more, by building a small temporary
-- B-tree of the list each time a statement runs, so every organisation or signature written
-- built two of them (four for an upsert). The same rules written as comparisons cost nothing
-- extra: a 100,000-change import ran about a tenth faster. Campaigns and statements, written a
-- few at a time, keep their lists. SQLite cannot alter a CHECK, so both tables are rebuilt;
-- the migrator turns foreign keys off for this and checks every reference before committing.
-- A rebuild keeps only what it names: a file whose tables have columns, indexes or triggers
-- this release did not make (or definitions it did not write) is refused, untouched, rather
-- than losing them.
CREATE TEMP TABLE schema_11_expects (
    columns INTEGER CONSTRAINT "organisation or signature has columns Signatory did not make" CHECK (columns = 20),
    known_columns INTEGER CONSTRAINT "organisation or signature lacks a column Signatory made" CHECK (known_columns = 20),
    extras INTEGER CONSTRAINT "organisation or signature has indexes or triggers Signatory did not make" CHECK (extras = 5),
    known_indexes INTEGER CONSTRAINT "an index Signatory made on organisation or signature is missing or changed"
        CHECK (known_indexes = 5)
);
-- All the columns (generated ones included), indexes and triggers there are, then those this
-- release made, with their definitions: another program's addition, or a change, fails one.
INSERT INTO schema_11_expects (columns, known_columns, extras, known_indexes) VALUES (
    (SELECT count(*) FROM pragma_table_xinfo('organisation')) + (SELECT count(*) FROM pragma_table_xinfo('signature')),
    (SELECT count(*) FROM pragma_table_xinfo('organisation') WHERE name IN ('id', 'name', 'acronym', 'country',
        'website', 'ecosoc', 'ecosoc_year', 'standing', 'notes', 'name_key', 'icso_number'))
    + (SELECT count(*) FROM pragma_table_xinfo('signature') WHERE name IN ('id', 'statement_id', 'organisation_id',
        'contact_id', 'status', 'text_hash', 'consent', 'recorded_at', 'source')),
    (SELECT count(*) FROM sqlite_master WHERE lower(tbl_name) IN ('organisation', 'signature')
        AND type IN ('index', 'trigger') AND sql IS NOT NULL),
    (SELECT count(*) FROM sqlite_master WHERE type = 'index' AND (name, sql) IN (VALUES
        ('organisation_by_acronym', 'CREATE INDEX organisation_by_acronym ON organisation (acronym COLLATE NOCASE)'),
        ('organisation_by_icso_number',
            'CREATE INDEX organisation_by_icso_number ON organisation (icso_number) WHERE icso_number IS NOT NULL'),
        ('organisation_by_name_key', 'CREATE INDEX organisation_by_name_key ON organisation (name_key, country)'),
        ('signature_by_contact', 'CREATE INDEX signature_by_contact ON signature (contact_id)'),
        ('signature_by_organisation', 'CREATE INDEX signature_by_organisation ON signature (organisation_id)')))
);
DROP TABLE schema_11_expects;

CREATE TABLE organisation_rebuilt (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL CHECK (name <> ''),
    acronym      TEXT,
    country      TEXT CHECK (country IS NULL OR length(country) = 2),
    website      TEXT,
    ecosoc       TEXT NOT NULL CHECK (ecosoc = 'general' OR ecosoc = 'special' OR ecosoc = 'roster' OR ecosoc = 'none'),
    ecosoc_year  INTEGER,
    standing     TEXT NOT NULL CHECK (standing = 'active' OR standing = 'suspended' OR standing = 'withdrawn'),
    notes        TEXT NOT NULL DEFAULT '',
    name_key     TEXT NOT NULL DEFAULT '',
    icso_number  TEXT CHECK (icso_number IS NULL OR icso_number <> '')
);

INSERT INTO organisation_rebuilt (id, name, acronym, country, website, ecosoc, ecosoc_year, standing, notes, name_key, icso_number)
    SELECT id, name, acronym, country, website, ecosoc, ecosoc_year, standing, notes, name_key, icso_number FROM organisation;

DROP TABLE organisation;

ALTER TABLE organisation_rebuilt RENAME TO organisation;

CREATE INDEX organisation_by_acronym ON organisation (acronym COLLATE NOCASE);
CREATE INDEX organisation_by_name_key ON organisation (name_key, country);
CREATE INDEX organisation_by_icso_number ON organisation (icso_number) WHERE icso_number IS NOT NULL;

CREATE TABLE signature_rebuilt (
    id               TEXT PRIMARY KEY NOT NULL,
    statement_id     TEXT NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    organisation_id  TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    contact_id       TEXT REFERENCES contact (id) ON DELETE SET NULL,
    status           TEXT NOT NULL CHECK (
        status = 'invited' OR status = 'pledged' OR status = 'signed' OR status = 'declined' OR status = 'withdrawn'
    ),
    text_hash        TEXT,
    consent          INTEGER NOT NULL CHECK (consent IN (0, 1)),
    recorded_at      INTEGER NOT NULL,
    source           TEXT NOT NULL CHECK (source = 'coordinator' OR source = 'import' OR source = 'office'),
    UNIQUE (statement_id, organisation_id)
);

INSERT INTO signature_rebuilt (id, statement_id, organisation_id, contact_id, status, text_hash, consent, recorded_at, source)
    SELECT id, statement_id, organisation_id, contact_id, status, text_hash, consent, recorded_at, source FROM signature;

DROP TABLE signature;

ALTER TABLE signature_rebuilt RENAME TO signature;

CREATE INDEX signature_by_organisation ON signature (organisation_id);
CREATE INDEX signature_by_contact ON signature (contact_id);
