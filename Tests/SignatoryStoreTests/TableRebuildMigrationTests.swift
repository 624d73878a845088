import CSQLite
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// Schema 11 rebuilds the organisation and signature tables, which other tables refer to, so
/// that their value checks need no temporary B-tree per row written.
struct TableRebuildMigrationTests {
    /// Takes away what schema 14 adds, for a file made by this release to pass for one of schema 13.
    static let withoutSchemaFourteen = "DROP INDEX trusted_office_decision; DROP INDEX hub_member_decision; "
    /// Takes away what schemas 13 and 14 add, for a file made by this release to pass for one of schema 12.
    static let withoutSchemaThirteen =
        withoutSchemaFourteen + "ALTER TABLE trusted_office DROP COLUMN revoked_after_hash; "
    /// Takes away what schemas 12 and 13 add, for a file made by this release to pass for an older one.
    static let withoutSchemaTwelve =
        withoutSchemaThirteen
        + "ALTER TABLE trusted_office DROP COLUMN revoked_after; ALTER TABLE trusted_office DROP COLUMN revoked_at; "
    let orgA = "00000000-0000-4000-8000-00000000000a"
    let orgB = "00000000-0000-4000-8000-00000000000b"
    let contact = "00000000-0000-4000-8000-00000000000c"
    let signature = "00000000-0000-4000-8000-00000000000d"

    /// A database as the release before schema 11 left it: two organisations (CAP Liberté de
    /// Conscience, the lead; SIRDO), a contact, a campaign, a statement and a signature.
    /// Holds this test's files as long as the suite value lives, that is for the whole test.
    let folder: TemporaryDirectory

    init() throws {
        self.folder = try TemporaryDirectory()
    }

    func databaseOfSchemaTen(named name: String = "old.db", schema: Int = 10) throws -> Database {
        let database = try Database(path: self.folder.path(name), mode: .create)
        try Migrator(migrations: Array(Migration.embedded.prefix(schema))).migrate(database)
        try database.execute(
            """
            INSERT INTO organisation (id, name, acronym, country, ecosoc, standing, name_key, icso_number)
                VALUES ('\(self.orgA)', 'CAP Liberté de Conscience', 'CAP', 'FR', 'special', 'active', 'cap liberte de conscience', '2117'),
                       ('\(self.orgB)', 'SIRDO', 'SIRDO', 'RO', 'special', 'active', 'sirdo', NULL);
            INSERT INTO contact (id, organisation_id, full_name, title, at_risk, consent)
                VALUES ('\(self.contact)', '\(self.orgB)', 'Ioana Ionescu', 'President', 1, 1);
            INSERT INTO campaign (id, name, status) VALUES ('c1', 'Forced organ harvesting', 'active');
            INSERT INTO statement (id, campaign_id, title, body, language, lead_organisation_id, status, text_hash)
                VALUES ('s1', 'c1', 'Joint statement', 'Text', 'en', '\(self.orgA)', 'open', 'h');
            INSERT INTO signature (id, statement_id, organisation_id, contact_id, status, consent, recorded_at, source)
                VALUES ('\(self.signature)', 's1', '\(self.orgB)', '\(self.contact)', 'signed', 1, 1785000000000, 'import');
            """
        )
        return database
    }

    /// Schema 13 names the change at a revocation's position by its hash where it is held, so
    /// that restoring a backup that holds fewer changes does not open those positions.
    @Test func schemaThirteenNamesTheHeldChangeOfEachRevocation() throws {
        let database = try self.databaseOfSchemaTen(schema: 12)
        let (held, beyond) = ("00000000-0000-4000-8000-0000000000e1", "00000000-0000-4000-8000-0000000000e2")
        try database.execute(
            """
            INSERT INTO trusted_office (id, name, public_key, trusted_at, revoked_after, revoked_at)
                VALUES ('\(held)', 'Bucharest', 'k1', 1, 2, 5), ('\(beyond)', 'Nairobi', 'k2', 1, 7, 5);
            INSERT INTO change_log (office, sequence, hash, line)
                VALUES ('\(held)', 1, 'h1', '{}'), ('\(held)', 2, 'h2', '{}'), ('\(beyond)', 1, 'n1', '{}');
            """
        )
        try Migrator(migrations: Migration.embedded).migrate(database)
        let hashes = try database.prepare("SELECT name, revoked_after_hash FROM trusted_office ORDER BY name")
            .rows { "\($0.text(0)): \($0.optionalText(1) ?? "none")" }
        #expect(hashes == ["Bucharest: h2", "Nairobi: none"])
    }

    @Test func theRebuiltTablesKeepEveryRowReferenceAndIndex() throws {
        let database = try self.databaseOfSchemaTen()
        let before = try self.dump(database)
        try Migrator(migrations: Migration.embedded).migrate(database)
        #expect(try database.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
        #expect(try self.dump(database) == before)
        #expect(try database.integer("PRAGMA foreign_keys") == 1)
        let indexes = try database.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('organisation', 'signature') ORDER BY name"
        ).rows { $0.text(0) }
        #expect(
            indexes == [
                "organisation_by_acronym", "organisation_by_icso_number", "organisation_by_name_key",
                "signature_by_contact", "signature_by_organisation",
                "sqlite_autoindex_organisation_1", "sqlite_autoindex_signature_1", "sqlite_autoindex_signature_2",
            ]
        )
        // The references of other tables name the new tables: deleting SIRDO removes its
        // contact and signature, and the lead of a statement cannot be deleted.
        #expect(throws: SQLiteError.self) { try database.execute("DELETE FROM organisation WHERE id = '\(self.orgA)'") }
        try database.execute("DELETE FROM organisation WHERE id = '\(self.orgB)'")
        #expect(try database.integer("SELECT count(*) FROM contact") == 0)
        #expect(try database.integer("SELECT count(*) FROM signature") == 0)
    }

    @Test func theRulesStillRefuseWhatTheyRefused() throws {
        let database = try self.databaseOfSchemaTen()
        try Migrator(migrations: Migration.embedded).migrate(database)
        for sql in [
            "UPDATE organisation SET ecosoc = 'observer'",
            "UPDATE organisation SET standing = 'dormant'",
            "UPDATE signature SET status = 'maybe'",
            "UPDATE signature SET source = 'rumour'",
            "UPDATE signature SET consent = 2",
        ] {
            #expect(throws: SQLiteError.self, "\(sql)") { try database.execute(sql) }
        }
        try database.execute("UPDATE organisation SET ecosoc = 'roster', standing = 'withdrawn'")
        try database.execute("UPDATE signature SET status = 'withdrawn', source = 'office'")
    }

    /// What the rebuild is for: writing an organisation or a signature builds no temporary
    /// B-tree (`OpenEphemeral`) for its checks; before schema 11 each upsert built four.
    @Test func writingAnOrganisationOrSignatureBuildsNoTemporaryTable() throws {
        let database = try self.databaseOfSchemaTen()
        let upserts = [
            """
            INSERT INTO organisation (id, name, ecosoc, standing) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET ecosoc = excluded.ecosoc, standing = excluded.standing
            """,
            """
            INSERT INTO signature (id, statement_id, organisation_id, status, consent, recorded_at, source)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, source = excluded.source
            """,
        ]
        func ephemeralTables(_ sql: String) throws -> Int {
            try database.prepare(built: "EXPLAIN " + sql).rows { $0.text(1) }.filter { $0 == "OpenEphemeral" }.count
        }
        // Negative control: schema 10 builds them.
        #expect(try upserts.map(ephemeralTables) == [4, 4])
        try Migrator(migrations: Migration.embedded).migrate(database)
        #expect(try upserts.map(ephemeralTables) == [0, 0])
    }

    @Test func aMigrationThatWouldLeaveAReferenceToNothingIsRefused() throws {
        let database = try self.databaseOfSchemaTen()
        try Migrator(migrations: Migration.embedded).migrate(database)
        let before = try self.dump(database)
        let careless = Migration(
            version: Migration.latestVersion + 1,
            name: "0099_careless",
            // With foreign keys off, the signature's contact is not set to NULL: it names nothing.
            sql: "DELETE FROM contact WHERE id = '\(self.contact)'"
        )
        let refusal = try #require(throws: Migrator.Refusal.self) {
            try Migrator(migrations: Migration.embedded + [careless]).migrate(database)
        }
        #expect(
            refusal
                == Migrator.Refusal(
                    migration: "0099_careless",
                    reason: "a row of signature would refer to a record the file does not hold"
                )
        )
        #expect(try database.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
        #expect(try self.dump(database) == before)
        #expect(try database.integer("PRAGMA foreign_keys") == 1)
    }

    /// A file that already holds a reference to nothing (written with foreign keys off by
    /// another program, as the sqlite3 shell runs) is not upgraded, and is left as it was. The
    /// refusal says the file holds it, rather than that the first migration would write it.
    @Test func aFileHoldingAReferenceToNothingIsNotUpgraded() throws {
        for schema in [9, 10] {
            let database = try self.databaseOfSchemaTen(named: "orphan-\(schema).db", schema: schema)
            try database.execute(
                """
                PRAGMA foreign_keys = OFF;
                INSERT INTO contact (id, organisation_id, full_name, at_risk, consent) VALUES ('ghost', 'nowhere', 'Ghost', 0, 0);
                PRAGMA foreign_keys = ON
                """
            )
            try self.expectUpgradeRefused(
                database,
                because: "a row of contact refers to a record the file does not hold",
                by: schema == 9 ? "0010_change_log_rowid" : "0011_checks_without_lists"
            )
        }
    }

    /// The rebuild keeps only the columns and indexes it names: a file to which another program
    /// added its own is refused, untouched, rather than losing them.
    @Test func aFileWithColumnsOrIndexesSignatoryDidNotMakeIsNotRebuilt() throws {
        for (index, (addition, reason)) in [
            (
                "ALTER TABLE organisation ADD COLUMN crm_id TEXT; UPDATE organisation SET crm_id = 'CRM-' || rowid",
                "organisation or signature has columns Signatory did not make"
            ),
            (
                "CREATE INDEX signature_by_status ON signature (status)",
                "organisation or signature has indexes or triggers Signatory did not make"
            ),
            // One of Signatory's indexes swapped for another program's: counting alone would pass.
            (
                "DROP INDEX organisation_by_icso_number; CREATE INDEX organisation_by_website ON organisation (website)",
                "an index Signatory made on organisation or signature is missing or changed"
            ),
            (
                "DROP INDEX organisation_by_icso_number; CREATE INDEX organisation_by_website ON organisation (website); "
                    + "CREATE INDEX organisation_by_notes ON organisation (notes)",
                "organisation or signature has indexes or triggers Signatory did not make"
            ),
            (
                "DROP INDEX organisation_by_name_key; CREATE INDEX organisation_by_name_key ON organisation (name_key)",
                "an index Signatory made on organisation or signature is missing or changed"
            ),
            // SQLite keeps a trigger's table name as written.
            (
                "CREATE TRIGGER audit AFTER INSERT ON ORGANISATION BEGIN SELECT 1; END",
                "organisation or signature has indexes or triggers Signatory did not make"
            ),
            // `pragma_table_info` leaves generated columns out.
            (
                "ALTER TABLE signature ADD COLUMN label TEXT GENERATED ALWAYS AS (upper(status)) VIRTUAL",
                "organisation or signature has columns Signatory did not make"
            ),
            (
                "CREATE VIEW organisation_names AS SELECT id, name FROM organisation",
                "error in view organisation_names: no such table: main.organisation"
            ),
        ].enumerated() {
            let database = try self.databaseOfSchemaTen(named: "old-\(index).db")
            try database.execute(addition)
            try self.expectUpgradeRefused(database, because: reason, by: "0011_checks_without_lists", addition)
        }
    }

    /// Upgrading writes no change: the rows of a merged organisation's contacts show under the
    /// organisation it was merged into, which their changes rightly do not say.
    @Test func anUpgradeWritesNoChangeWhereOrganisationsWereMerged() throws {
        let fixture = try StoreFixture()
        let dafoh = Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH")
        let duplicate = Organisation(name: "DAFOH", acronym: "DAFOH-2")
        try fixture.store.insert(dafoh)
        try fixture.store.insert(duplicate)
        try fixture.store.insert(
            ContactPerson(organisationID: duplicate.id, fullName: "Torsten Trey", title: "Director")
        )
        try fixture.store.mergeOrganisation(duplicate.id, into: dafoh.id)
        let lines = try fixture.store.database.prepare("SELECT line FROM change_log ORDER BY office, sequence")
            .rows { $0.text(0) }
        try fixture.store.database.execute(Self.withoutSchemaTwelve + "PRAGMA user_version = 10")
        let upgraded = try Store.open(at: fixture.path)
        #expect(try upgraded.database.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
        #expect(
            try upgraded.database.prepare("SELECT line FROM change_log ORDER BY office, sequence").rows { $0.text(0) }
                == lines
        )
        #expect(try upgraded.contacts(of: dafoh.id).map(\.fullName) == ["Torsten Trey"])
    }

    /// The pending migrations commit together: a file of schema 9 keeps it when schema 11
    /// refuses, rather than being left at schema 10, which its release could not open.
    @Test func aRefusedUpgradeUndoesTheMigrationsBeforeTheOneThatRefused() throws {
        let database = try self.databaseOfSchemaTen(schema: 9)
        try database.execute("CREATE INDEX organisation_by_country ON organisation (country)")
        // The schema compared includes schema 10's rebuild of `change_log`: undone with the rest.
        try self.expectUpgradeRefused(
            database,
            because: "organisation or signature has indexes or triggers Signatory did not make",
            by: "0011_checks_without_lists"
        )
    }

    /// Schema 10 rebuilt `change_log` the same way, and refuses the same way.
    @Test func aChangeLogWithColumnsOrIndexesSignatoryDidNotMakeIsNotRebuilt() throws {
        for (index, (addition, reason)) in [
            (
                "ALTER TABLE change_log ADD COLUMN note TEXT; UPDATE change_log SET note = 'important'",
                "change_log has columns Signatory did not make"
            ),
            (
                "CREATE INDEX change_log_by_hash ON change_log (hash)",
                "change_log has indexes or triggers Signatory did not make"
            ),
        ].enumerated() {
            let database = try self.databaseOfSchemaTen(named: "nine-\(index).db", schema: 9)
            try database.execute(
                "INSERT INTO change_log (office, sequence, hash, line) VALUES ('o', 1, 'h', '{}'); " + addition
            )
            try self.expectUpgradeRefused(database, because: reason, by: "0010_change_log_rowid", addition)
        }
    }

    /// A table another program rebuilt without the key others refer to ("foreign key
    /// mismatch") is a refusal of the file, not a failure of SQLite's.
    @Test func aTableRebuiltWithoutTheKeyOthersReferToIsRefused() throws {
        let database = try self.databaseOfSchemaTen()
        try database.execute(
            """
            PRAGMA foreign_keys = OFF;
            CREATE TABLE campaign_copy AS SELECT * FROM campaign;
            DROP TABLE campaign;
            ALTER TABLE campaign_copy RENAME TO campaign;
            PRAGMA foreign_keys = ON
            """
        )
        try self.expectUpgradeRefused(
            database,
            because:
                "its tables do not fit their references (foreign key mismatch - \"statement\" referencing \"campaign\")",
            by: "0011_checks_without_lists"
        )
    }

    /// A table or column that another program dropped and no migration rebuilds is missed
    /// by the upgrade's checks, and would fail only the commands that read it.
    @Test func aFileLackingATableOrColumnSignatoryMadeIsNotUpgraded() throws {
        for (index, (removal, reason)) in [
            ("DROP TABLE statement_text", "the file lacks the table statement_text that Signatory made"),
            ("ALTER TABLE contact DROP COLUMN title", "the file's contact table lacks its column title"),
        ].enumerated() {
            let database = try self.databaseOfSchemaTen(named: "lacking-\(index).db")
            try database.execute(removal)
            try self.expectUpgradeRefused(database, because: reason, by: Migration.embedded.last!.name, removal)
        }
    }

    @Test func openingAFileThatCannotBeUpgradedSaysWhyAndWritesNothing() throws {
        let database = try self.databaseOfSchemaTen()
        try database.execute("CREATE TRIGGER audit AFTER INSERT ON organisation BEGIN SELECT 1; END")
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let path = self.folder.path("old.db")
        let before = fileBytes(path)
        #expect(
            throws: StoreError.upgradeRefused(
                path: path,
                schema: 10,
                migration: "0011_checks_without_lists",
                reason: "organisation or signature has indexes or triggers Signatory did not make"
            )
        ) { try Store.open(at: path) }
        #expect(fileBytes(path) == before)
        #expect(try database.integer("PRAGMA user_version") == 10)
    }

    /// Upgrades `database` and expects `migration` to refuse it for `reason`, leaving its
    /// schema version, its schema and its rows as they were.
    private func expectUpgradeRefused(
        _ database: Database,
        because reason: String,
        by migration: String,
        _ comment: String = ""
    ) throws {
        let version = try database.integer("PRAGMA user_version")
        let rows = try self.dump(database)
        let schema = try database.prepare("SELECT sql FROM sqlite_master ORDER BY name").rows { $0.text(0) }
        let refusal = try #require(throws: Migrator.Refusal.self, "\(comment)") {
            try Migrator(migrations: Migration.embedded).migrate(database)
        }
        #expect(refusal == Migrator.Refusal(migration: migration, reason: reason), "\(comment)")
        #expect(try database.integer("PRAGMA user_version") == version)
        #expect(try self.dump(database) == rows)
        #expect(try database.prepare("SELECT sql FROM sqlite_master ORDER BY name").rows { $0.text(0) } == schema)
    }

    private func dump(_ database: Database) throws -> [String] {
        var rows: [String] = []
        for table in ["organisation", "contact", "campaign", "statement", "signature"] {
            rows += try database.prepare(built: "SELECT * FROM \(table) ORDER BY id").rows { row in
                table + ": "
                    + (0..<sqlite3_column_count(row.statement.handle)).map { row.text($0) }.joined(separator: "|")
            }
        }
        return rows
    }
}
