import Foundation

extension Store {
    /// Writes a consistent copy of the whole database to `path` (mode 0600), while others may
    /// be writing: SQLite's `VACUUM INTO` reads one snapshot.
    ///
    /// ```swift
    /// try store.backup(to: "geneva-2026-12-02.db")
    /// ```
    public func backup(to path: String) throws {
        try OutputFile.checkTarget(path, protecting: self.database.path)
        if FileManager.default.fileExists(atPath: path) { throw FileWriteError.exists(path) }
        let (temporary, descriptor) = try TemporaryFile.create(beside: path)
        close(descriptor)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        try self.database.prepare("VACUUM INTO ?").run(temporary)
        guard rename(temporary, path) == 0 else { throw FileWriteError.fromErrno(path) }
        renamed = true
    }
}
