-- Signatory schema 9: which changes are a contact's, so an erasure reads only that contact's
-- changes instead of the whole log.
CREATE TABLE contact_change (
    contact   TEXT NOT NULL,
    office    TEXT NOT NULL,
    sequence  INTEGER NOT NULL,
    PRIMARY KEY (contact, office, sequence)
) WITHOUT ROWID;

INSERT INTO contact_change (contact, office, sequence)
    SELECT json_extract(line, '$.id'), office, sequence FROM change_log
    WHERE json_extract(line, '$.kind') = 'contact';
