import CSQLite
import Foundation
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

struct DatabaseFileTests {
    @Test func createAppliesEveryMigrationToAnEmptyFile() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.database.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
        #expect(try fixture.store.database.prepare("PRAGMA journal_mode").firstRow { $0.text(0) } == "wal")
        #expect(try fixture.store.database.integer("PRAGMA foreign_keys") == 1)
        let tables = try fixture.store.database.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).rows { $0.text(0) }
        #expect(
            tables == [
                "campaign", "change_log", "clock", "conflict", "contact", "contact_change", "contact_erasure",
                "duplicate_pair",
                "entity_state", "feed_head", "former_line", "hub_member",
                "office", "organisation", "peer_knowledge", "record_reference", "resolved_conflict", "setting",
                "signature",
                "statement",
                "statement_text", "trusted_office", "unapplied_change",
            ]
        )
        let reopened = try Store.open(at: fixture.path)
        #expect(reopened.office == fixture.store.office)
    }

    @Test func embeddedMigrationsMatchTheSchemaFolder() throws {
        let folder = packageRoot.appendingPathComponent("Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(files.count == Migration.embedded.count, "run Scripts/embed-schema after changing Schema/")
        for (file, migration) in zip(files, Migration.embedded) {
            let sql = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(file == migration.name + ".sql")
            #expect(
                sql.trimmingCharacters(in: .newlines) == migration.sql.trimmingCharacters(in: .newlines),
                "run Scripts/embed-schema after changing \(file)"
            )
        }
        #expect(Migration.embedded.map(\.version) == Array(1...Migration.embedded.count))
    }

    /// The pending migrations commit together: the release that wrote the file still opens it
    /// after an upgrade that failed part-way.
    @Test func anOlderSchemaIsUpgradedWhollyOrNotAtAll() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("old.db")
        let database = try Database(path: path, mode: .create)
        try Migrator(migrations: [Migration(version: 1, name: "one", sql: "CREATE TABLE a (x)")]).migrate(database)
        #expect(try database.integer("PRAGMA user_version") == 1)
        let migrations = [
            Migration(version: 1, name: "one", sql: "CREATE TABLE a (x)"),
            Migration(version: 2, name: "two", sql: "CREATE TABLE b (y)"),
            Migration(version: 3, name: "three", sql: "CREATE TABLE c (z); INSERT INTO nowhere VALUES (1)"),
        ]
        #expect(throws: Migrator.Refusal.self) { try Migrator(migrations: migrations).migrate(database) }
        // The failed migration 3 took migration 2 with it.
        #expect(try database.integer("PRAGMA user_version") == 1)
        #expect(try database.integer("SELECT count(*) FROM sqlite_master WHERE name IN ('b', 'c')") == 0)
        var mended = migrations
        mended[2] = Migration(version: 3, name: "three", sql: "CREATE TABLE c (z)")
        try Migrator(migrations: mended).migrate(database)
        #expect(try database.integer("PRAGMA user_version") == 3)
        #expect(try database.integer("SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b', 'c')") == 3)
    }

    @Test func aDatabaseOfSchemaFourIsUpgradedAndKeepsItsRecords() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert(Organisation(name: "SIRDO", acronym: "SIRDO", country: try CountryCode("RO")))
        // Schema 4 as an earlier release wrote it: without what schemas 5 to 9 add.
        try fixture.store.database.execute(
            """
            DROP TABLE contact_change; DROP TABLE unapplied_change; DROP TABLE contact_erasure; DROP TABLE former_line; DROP TABLE resolved_conflict; DROP INDEX duplicate_pair_by_second;
            ALTER TABLE statement DROP COLUMN publication;
            ALTER TABLE office DROP COLUMN encryption_key; ALTER TABLE trusted_office DROP COLUMN recipient;
            ALTER TABLE trusted_office DROP COLUMN recipient_signature; \(TableRebuildMigrationTests.withoutSchemaTwelve)
            PRAGMA user_version = 4
            """
        )
        let upgraded = try Store.open(at: fixture.path)
        #expect(try upgraded.database.integer("PRAGMA user_version") == Int64(Migration.latestVersion))
        #expect(try upgraded.database.integer("SELECT count(*) FROM resolved_conflict") == 0)
        #expect(try upgraded.organisations().map(\.name) == ["SIRDO"])
    }

    /// Schema 1 had no change log: its records become this office's changes on upgrade, so
    /// they sync like any other. (Later files are not adopted again: see
    /// `TableRebuildMigrationTests.anUpgradeWritesNoChangeWhereOrganisationsWereMerged`.)
    @Test func aDatabaseOfSchemaOneHasItsRecordsWrittenAsChanges() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("one.db")
        do {
            let database = try Database(path: path, mode: .create)
            try Migrator(migrations: Array(Migration.embedded.prefix(1))).migrate(database)
            try database.execute(
                """
                INSERT INTO office (singleton, id, name, created_at)
                    VALUES (1, '00000000-0000-4000-8000-00000000000a', 'Geneva', 1785000000000);
                INSERT INTO organisation (id, name, acronym, country, ecosoc, standing)
                    VALUES ('00000000-0000-4000-8000-0000000000b1', 'CAP Liberté de Conscience', 'CAP', 'FR', 'special', 'active')
                """
            )
        }
        let upgraded = try Store.open(at: path)
        #expect(try upgraded.organisations().map(\.name) == ["CAP Liberté de Conscience"])
        let lines = try upgraded.database.prepare("SELECT line FROM change_log").rows { $0.text(0) }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("CAP Libert") == true)
    }

    @Test func anUpgradeIndexesTheContactChangesAlreadyHeldSoAnErasureFindsThem() throws {
        let fixture = try StoreFixture()
        let cap = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
        try fixture.store.insert(cap)
        var contact = ContactPerson(organisationID: cap.id, fullName: "Thierry Valle", title: "President")
        try fixture.store.insert(contact)
        contact.title = "Director"
        try fixture.store.update(contact)
        let lines = try fixture.store.database.prepare("SELECT line FROM change_log ORDER BY office, sequence")
            .rows { $0.text(0) }
        try fixture.store.database.execute(
            "DROP TABLE contact_change; " + TableRebuildMigrationTests.withoutSchemaTwelve + "PRAGMA user_version = 8"
        )
        let upgraded = try Store.open(at: fixture.path)
        // Schema 10 keeps every line, in a rowid table so that long lines stay in place.
        #expect(
            try upgraded.database.prepare("SELECT line FROM change_log ORDER BY office, sequence").rows { $0.text(0) }
                == lines
        )
        #expect(try upgraded.database.integer("SELECT wr FROM pragma_table_list WHERE name = 'change_log'") == 0)
        #expect(
            try upgraded.database.integer(
                "SELECT count(*) FROM contact_change WHERE contact = ?",
                contact.id.description
            ) == 2
        )
        #expect(try upgraded.eraseContact(contact.id, reason: nil).redactedChanges == 2)
        #expect(
            try upgraded.database.integer("SELECT count(*) FROM change_log WHERE instr(line, 'Thierry Valle') > 0") == 0
        )
    }

    @Test func anOfficeFromBeforeEncryptedBundlesGetsAnEncryptionKeyOnItsCard() throws {
        let fixture = try StoreFixture()
        let signingKey = try fixture.store.officeKeys().publicKey
        try fixture.store.database.execute(
            """
            DROP TABLE contact_change; DROP TABLE unapplied_change; DROP TABLE contact_erasure; DROP TABLE former_line;
            ALTER TABLE office DROP COLUMN encryption_key; ALTER TABLE trusted_office DROP COLUMN recipient;
            ALTER TABLE trusted_office DROP COLUMN recipient_signature; \(TableRebuildMigrationTests.withoutSchemaTwelve)
            PRAGMA user_version = 5
            """
        )
        let upgraded = try Store.open(at: fixture.path)
        let card = try upgraded.officeCard()
        #expect(card.publicKey == signingKey)
        guard case .signed(let recipient) = card.recipientCheck else {
            Issue.record("the upgraded card carries no signed encryption key")
            return
        }
        #expect(try upgraded.officeEncryptionKey().recipient == recipient)
        #expect(try upgraded.recipient(of: upgraded.office.id) == recipient)
        // Opening it again keeps the same key.
        #expect(try Store.open(at: fixture.path).officeCard().recipient == recipient.description)
    }

    @Test func refusesAMissingFileWithoutCreatingIt() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("missing.db")
        #expect(throws: StoreError.noDatabase(path: path)) { try Store.open(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func refusesAFileThatIsNotSQLiteAndLeavesItAlone() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("notes.db")
        let content = Data(String(repeating: "Contact: Thierry Valle, Director\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path, detail: "SQLite says: file is not a database")) {
            try Store.open(at: path)
        }
        #expect(fileBytes(path) == content)
        #expect(throws: StoreError.alreadyInitialised(path: path)) {
            try Store.create(at: path, office: Office(name: "G", createdAt: Date()))
        }
        #expect(fileBytes(path) == content)
    }

    @Test func refusesAnEmptyFileAsNotInitialised() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("empty.db")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StoreError.notInitialised(path: path)) { try Store.open(at: path) }
        #expect(fileBytes(path) == Data())
    }

    /// A file SQLite cannot open for a reason other than its contents (here a folder has its
    /// journal's name) is not called another program's file, which a coordinator might discard.
    @Test func aFileThatCannotBeOpenedIsNotCalledAnotherProgramsFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("office.db")
        _ = try Store.create(at: path, office: Office(name: "Geneva", createdAt: Date()))
        let before = fileBytes(path)
        try FileManager.default.createDirectory(atPath: path + "-wal", withIntermediateDirectories: false)
        defer { rmdir(path + "-wal") }
        let error = try #require(throws: SQLiteError.self) { try Store.open(at: path) }
        #expect(error.message == "unable to open database file")
        #expect(fileBytes(path) == before)
    }

    @Test func refusesASchemaNewerThanThisBuild() throws {
        let fixture = try StoreFixture()
        try fixture.store.database.execute("PRAGMA user_version = 99")
        try fixture.store.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let before = fileBytes(fixture.path)
        #expect(throws: StoreError.newerSchema(path: fixture.path, found: 99, known: Migration.latestVersion)) {
            try Store.open(at: fixture.path)
        }
        #expect(fileBytes(fixture.path) == before)
    }

    /// The database holds the office's private key and every contact: an empty file made
    /// beforehand under a lax umask must not stay readable by others once it holds them.
    @Test func createMakesAnEmptyFileMadeBeforehandPrivate() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("office.db")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644]))
        _ = try Store.create(at: path, office: Office(name: "Geneva", createdAt: Date()))
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func createRefusesAnExistingDatabase() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.alreadyInitialised(path: fixture.path)) {
            try Store.create(at: fixture.path, office: Office(name: "Other", createdAt: Date()))
        }
    }
}
