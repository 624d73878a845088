-- Signatory schema 7: erasure of a person (change format 2).

-- What is left of an erased contact: which record, when, by which office, and why. The
-- contact's values are gone from every change this office holds.
CREATE TABLE contact_erasure (
    id         TEXT PRIMARY KEY NOT NULL,
    erased_at  TEXT NOT NULL,
    office     TEXT NOT NULL,
    reason     TEXT
);

-- Format-1 changes whose erased values can no longer be hashed, each vouched for by a signed
-- erasure of its contact that names the change's hash.
CREATE TABLE former_line (
    hash     TEXT PRIMARY KEY NOT NULL,
    contact  TEXT NOT NULL
) WITHOUT ROWID;
