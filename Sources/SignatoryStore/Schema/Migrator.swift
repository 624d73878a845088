/// Brings a database up to the newest schema, one migration per transaction.
struct Migrator {
    let migrations: [Migration]

    /// Applies every migration newer than the file's `user_version`.
    ///
    /// Each migration and its version bump commit together, so an interrupted upgrade resumes
    /// where it stopped.
    func migrate(_ database: Database) throws {
        let current = Int(try database.integer("PRAGMA user_version"))
        for migration in self.migrations where migration.version > current {
            try database.transaction {
                try database.execute(migration.sql)
                try database.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
