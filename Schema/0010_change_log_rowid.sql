-- Signatory schema 10: change_log becomes a rowid table.
--
-- In a WITHOUT ROWID table a row longer than about 1,000 bytes (on 4 KiB pages) keeps only
-- part of itself in the B-tree and puts the rest on an overflow page of its own. Format-2 lines,
-- with a salt beside every value, are often that long: 20,000 of them took 93 MB instead of 22 MB,
-- and an import wrote four times the pages. A rowid table keeps rows up to about 4,000 bytes in
-- place; the unique index gives the same look-ups by office and position.
-- A rebuild keeps only what it names: a file whose change_log has columns, indexes or triggers
-- this release did not make is refused, untouched, rather than losing them.
CREATE TEMP TABLE schema_10_expects (
    columns INTEGER CONSTRAINT "change_log has columns Signatory did not make" CHECK (columns = 4),
    known_columns INTEGER CONSTRAINT "change_log lacks a column Signatory made" CHECK (known_columns = 4),
    extras INTEGER CONSTRAINT "change_log has indexes or triggers Signatory did not make" CHECK (extras = 0)
);
INSERT INTO schema_10_expects (columns, known_columns, extras) VALUES (
    (SELECT count(*) FROM pragma_table_xinfo('change_log')),
    (SELECT count(*) FROM pragma_table_xinfo('change_log') WHERE name IN ('office', 'sequence', 'hash', 'line')),
    (SELECT count(*) FROM sqlite_master WHERE lower(tbl_name) = 'change_log' AND type IN ('index', 'trigger')
        AND sql IS NOT NULL)
);
DROP TABLE schema_10_expects;

CREATE TABLE change_log_rows (
    office     TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    line       TEXT NOT NULL,
    UNIQUE (office, sequence)
);

INSERT INTO change_log_rows (office, sequence, hash, line)
    SELECT office, sequence, hash, line FROM change_log ORDER BY office, sequence;

DROP TABLE change_log;

ALTER TABLE change_log_rows RENAME TO change_log;
