/// Brings a database up to the newest schema, one migration per transaction.
struct Migrator {
    /// A migration the file's contents refused (a rule it breaks, a reference to nothing);
    /// that migration was rolled back, and the ones before it stay applied.
    struct Refusal: Error, Equatable {
        /// The migration's file name without `.sql`, `0011_checks_without_lists`.
        let migration: String
        /// What the file holds that the migration cannot keep, for a coordinator to read.
        let reason: String
    }

    let migrations: [Migration]

    /// Applies every migration newer than the file's `user_version`.
    ///
    /// Each migration and its version bump commit together, so an interrupted upgrade resumes
    /// where it stopped. Foreign keys are off while a migration runs, so that it can rebuild a
    /// table others refer to (SQLite's way to change a constraint) without cascading deletes;
    /// every reference is checked before it commits.
    func migrate(_ database: Database) throws {
        let current = Int(try database.integer("PRAGMA user_version"))
        let pending = self.migrations.filter { $0.version > current }
        guard !pending.isEmpty else { return }
        // Only takes effect outside a transaction, hence here rather than in each migration.
        try database.execute("PRAGMA foreign_keys = OFF")
        do {
            for migration in pending { try self.apply(migration, to: database) }
        } catch {
            // The caller discards this connection: the migration's error is the one to report.
            try? database.execute("PRAGMA foreign_keys = ON")
            throw error
        }
        try database.execute("PRAGMA foreign_keys = ON")
    }

    private func apply(_ migration: Migration, to database: Database) throws {
        do {
            try database.transaction {
                // Another process may have applied it while this one waited for the lock.
                guard try database.integer("PRAGMA user_version") < migration.version else { return }
                try database.execute(migration.sql)
                if let table = try database.prepare("PRAGMA foreign_key_check").firstRow(read: { $0.text(0) }) {
                    throw Refusal(
                        migration: migration.name,
                        reason: "a row of \(table) would refer to a record the file does not hold"
                    )
                }
                try database.execute("PRAGMA user_version = \(migration.version)")
            }
        } catch let error as SQLiteError where error.isConstraintViolation {
            // A migration names its checks for people: "CHECK constraint failed: NAME" says NAME.
            let prefix = "CHECK constraint failed: "
            let reason = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            throw Refusal(migration: migration.name, reason: reason)
        }
    }
}
