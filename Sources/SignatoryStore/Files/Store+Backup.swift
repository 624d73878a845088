import Foundation

extension Store {
    /// Writes a consistent copy of the whole database to `path` (mode 0600), while others may
    /// be writing: SQLite's `VACUUM INTO` reads one snapshot.
    ///
    /// ```swift
    /// try store.backup(to: "geneva-2026-12-02.db")
    /// ```
    public func backup(to path: String) throws {
        // Opening the backup would take in a journal left beside its name, and find it damaged.
        // A name that is taken is refused below, whatever lies beside it.
        var status = stat()
        if lstat(path, &status) != 0 { try Self.refuseLeftoverJournal(of: path) }
        try OutputFile.placeNamed(at: path, protecting: self.database.path, replacing: false) { temporary, _ in
            try self.database.prepare("VACUUM INTO ?").run(temporary)
        }
    }
}
