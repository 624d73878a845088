import CSQLite

/// Brings a database up to the newest schema, every pending migration in one transaction.
struct Migrator {
    /// A migration the file's contents refused (a rule it breaks, a reference to nothing).
    /// The whole upgrade was rolled back: the file is as it was.
    struct Refusal: Error, Equatable {
        /// The migration's file name without `.sql`, `0011_checks_without_lists`.
        let migration: String
        /// What the file holds that the migration cannot keep, for a coordinator to read.
        let reason: String
    }

    let migrations: [Migration]

    /// Applies every migration newer than the file's `user_version`.
    ///
    /// The migrations and the version bump commit together, so an interrupted or refused
    /// upgrade leaves the file as it was, readable by the release that wrote it. Foreign keys
    /// are off while the migrations run, so that one can rebuild a table others refer to
    /// (SQLite's way to change a constraint) without cascading deletes; every reference is
    /// checked after each migration.
    func migrate(_ database: Database) throws {
        let current = Int(try database.integer("PRAGMA user_version"))
        guard self.migrations.contains(where: { $0.version > current }) else { return }
        // Only takes effect outside a transaction, hence here rather than in each migration.
        try database.execute("PRAGMA foreign_keys = OFF")
        do {
            try self.applyPending(to: database)
        } catch {
            // The caller discards this connection: the migration's error is the one to report.
            try? database.execute("PRAGMA foreign_keys = ON")
            throw error
        }
        try database.execute("PRAGMA foreign_keys = ON")
    }

    private func applyPending(to database: Database) throws {
        try database.transaction {
            // Another process may have upgraded the file while this one waited for the lock.
            let current = Int(try database.integer("PRAGMA user_version"))
            let pending = self.migrations.filter { $0.version > current }
            guard let first = pending.first else { return }
            // The sqlite3 shell leaves foreign keys off: a row it orphaned is the file's doing,
            // not the first migration's.
            if let table = try Self.tableReferringToNothing(in: database, refusing: first) {
                throw Refusal(
                    migration: first.name,
                    reason: "a row of \(table) refers to a record the file does not hold"
                )
            }
            for migration in pending {
                try self.apply(migration, to: database)
            }
            // A new file is what the migrations make; an upgraded one must hold all of it too.
            if current > 0, let missing = try self.missingPart(of: database), let last = pending.last {
                throw Refusal(migration: last.name, reason: missing)
            }
        }
    }

    /// What a file made by these migrations holds and `database` lacks: a table another program
    /// dropped, which no migration rebuilt, would fail the commands that read it, not the upgrade.
    private func missingPart(of database: Database) throws -> String? {
        let fresh = try Database(path: ":memory:", mode: .create)
        try self.migrate(fresh)
        let held = Dictionary(grouping: try Self.columns(of: database), by: \.table).mapValues { Set($0.map(\.column)) }
        for (table, column) in try Self.columns(of: fresh) where held[table]?.contains(column) != true {
            guard held[table] != nil else { return "the file lacks the table \(table) that Signatory made" }
            return "the file's \(table) table lacks its column \(column)"
        }
        return nil
    }

    private static func columns(of database: Database) throws -> [(table: String, column: String)] {
        try database.prepare(
            """
            SELECT m.name, c.name FROM sqlite_master m, pragma_table_xinfo(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, c.cid
            """
        ).rows { ($0.text(0), $0.text(1)) }
    }

    private func apply(_ migration: Migration, to database: Database) throws {
        try self.run(migration, on: database)
        if let table = try Self.tableReferringToNothing(in: database, refusing: migration) {
            throw Refusal(
                migration: migration.name,
                reason: "a row of \(table) would refer to a record the file does not hold"
            )
        }
        try database.execute("PRAGMA user_version = \(migration.version)")
    }

    /// The first table with a row whose reference names nothing. A reference to a table that
    /// another program rebuilt without the key it names ("foreign key mismatch") refuses `migration`.
    private static func tableReferringToNothing(in database: Database, refusing migration: Migration) throws -> String?
    {
        do {
            return try database.prepare("PRAGMA foreign_key_check").firstRow { $0.text(0) }
        } catch let error as SQLiteError {
            guard error.primaryCode == SQLITE_ERROR else { throw error }
            throw Refusal(
                migration: migration.name,
                reason: "its tables do not fit their references (\(error.message))"
            )
        }
    }

    /// Runs the migration's SQL, turning a rule the file's rows break into a ``Refusal``.
    private func run(_ migration: Migration, on database: Database) throws {
        // `execute` throws only `SQLiteError`; a `catch … where` clause on it crashes Swift 6.3.1's
        // compiler (MandatoryAllocBoxToStack), hence the guard.
        do {
            try database.execute(migration.sql)
        } catch {
            // A rule the rows break, or SQL the file's own schema will not take (a view of
            // another program's naming a table being rebuilt); not a busy, full or failing disk.
            guard error.isConstraintViolation || error.primaryCode == SQLITE_ERROR else { throw error }
            throw Refusal(migration: migration.name, reason: Self.reason(error.message))
        }
    }

    /// A migration names its checks for people: "CHECK constraint failed: NAME" says NAME.
    private static func reason(_ message: String) -> String {
        let prefix = "CHECK constraint failed: "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }
}
