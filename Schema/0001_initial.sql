-- Signatory schema 1: the office, organisations, contacts, campaigns, statements and signatures.
-- Ids are lower-case UUID text; dates are milliseconds since 1970 (UTC); calendar days are YYYY-MM-DD.

CREATE TABLE office (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE organisation (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL CHECK (name <> ''),
    acronym      TEXT,
    country      TEXT CHECK (country IS NULL OR length(country) = 2),
    website      TEXT,
    ecosoc       TEXT NOT NULL CHECK (ecosoc IN ('general', 'special', 'roster', 'none')),
    ecosoc_year  INTEGER,
    standing     TEXT NOT NULL CHECK (standing IN ('active', 'suspended', 'withdrawn')),
    notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX organisation_by_acronym ON organisation (acronym COLLATE NOCASE);

CREATE TABLE contact (
    id               TEXT PRIMARY KEY NOT NULL,
    organisation_id  TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    full_name        TEXT NOT NULL CHECK (full_name <> ''),
    title            TEXT,
    email            TEXT,
    phone            TEXT,
    language         TEXT,
    at_risk          INTEGER NOT NULL CHECK (at_risk IN (0, 1)),
    consent          INTEGER NOT NULL CHECK (consent IN (0, 1))
);
CREATE INDEX contact_by_organisation ON contact (organisation_id);

CREATE TABLE campaign (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL CHECK (name <> ''),
    description  TEXT NOT NULL DEFAULT '',
    start_date   TEXT,
    end_date     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('planning', 'active', 'closed'))
);

CREATE TABLE statement (
    id                    TEXT PRIMARY KEY NOT NULL,
    campaign_id           TEXT NOT NULL REFERENCES campaign (id),
    title                 TEXT NOT NULL CHECK (title <> ''),
    body                  TEXT NOT NULL,
    language              TEXT NOT NULL,
    lead_organisation_id  TEXT REFERENCES organisation (id),
    status                TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'published')),
    text_hash             TEXT NOT NULL
);
CREATE INDEX statement_by_campaign ON statement (campaign_id);

-- Every wording a statement has had, so that a signature can name the one it signed.
CREATE TABLE statement_text (
    statement_id  TEXT NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    hash          TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    language      TEXT NOT NULL,
    recorded_at   INTEGER NOT NULL,
    PRIMARY KEY (statement_id, hash)
);

CREATE TABLE signature (
    id               TEXT PRIMARY KEY NOT NULL,
    statement_id     TEXT NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    organisation_id  TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    contact_id       TEXT REFERENCES contact (id) ON DELETE SET NULL,
    status           TEXT NOT NULL CHECK (status IN ('invited', 'pledged', 'signed', 'declined', 'withdrawn')),
    text_hash        TEXT,
    consent          INTEGER NOT NULL CHECK (consent IN (0, 1)),
    recorded_at      INTEGER NOT NULL,
    source           TEXT NOT NULL CHECK (source IN ('coordinator', 'import', 'office')),
    UNIQUE (statement_id, organisation_id)
);
CREATE INDEX signature_by_organisation ON signature (organisation_id);
CREATE INDEX signature_by_contact ON signature (contact_id);
