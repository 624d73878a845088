-- Signatory schema 10: change_log becomes a rowid table.
--
-- In a WITHOUT ROWID table a row longer than about 1,000 bytes (on 4 KiB pages) keeps only
-- part of itself in the B-tree and puts the rest on an overflow page of its own. Format-2 lines,
-- with a salt beside every value, are often that long: 20,000 of them took 93 MB instead of 22 MB,
-- and an import wrote four times the pages. A rowid table keeps rows up to about 4,000 bytes in
-- place; the unique index gives the same look-ups by office and position.
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
