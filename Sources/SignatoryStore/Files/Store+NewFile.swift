import Foundation
package import SignatoryDomain

extension Store {
    /// Creates a database at `path`, which must not exist, whole or not at all: `fill` writes it
    /// under a temporary name beside `path` (mode 0600), and only once it is filled and closed does
    /// it take the name. A process stopped meanwhile leaves nothing under `path`.
    ///
    /// ```swift
    /// let id = try Store.createWhole(at: "geneva-2.db", office: office) { store in
    ///     try store.trust(card)
    ///     return store.office.id
    /// }
    /// ```
    package static func createWhole<T>(at path: String, office: Office, fill: (Store) throws -> T) throws -> T {
        try self.refuseLeftoverJournal(of: path)
        let (temporary, descriptor) = try TemporaryFile.create(beside: path)
        close(descriptor)
        var named = false
        defer {
            if !named { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        }
        // The store is closed when this returns, its log folded into the file as the last connection's is.
        let result = try { () throws -> T in try fill(try Store.create(at: temporary, office: office)) }()
        if FileManager.default.fileExists(atPath: temporary + "-wal") {
            let database = try Database(path: temporary, mode: .readWrite)
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        guard fsyncFile(temporary) else { throw FileWriteError.fromErrno(path) }
        try self.refuseLeftoverJournal(of: path)
        // A link fails if anything took the name meanwhile; a file system without links gets a rename.
        if link(temporary, path) != 0 {
            guard errno == EPERM || errno == EOPNOTSUPP else {
                throw errno == EEXIST ? FileWriteError.exists(path) : FileWriteError.fromErrno(path)
            }
            guard !FileManager.default.fileExists(atPath: path) else { throw FileWriteError.exists(path) }
            guard rename(temporary, path) == 0 else { throw FileWriteError.fromErrno(path) }
        }
        named = true
        for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
        return result
    }

    /// Refuses a `path` that ``createWhole(at:office:fill:)`` would refuse once filled: a name taken
    /// (a dangling link included), a journal left beside it, a folder that is missing or cannot be
    /// written. Checked first, a slow fill is not spent on a name that cannot be used.
    package static func checkNewDatabaseTarget(_ path: String, protecting database: String?) throws {
        try OutputFile.checkTarget(path, protecting: database)
        var status = stat()
        if lstat(path, &status) == 0 { throw FileWriteError.exists(path) }
        try self.refuseLeftoverJournal(of: path)
        let (temporary, descriptor) = try TemporaryFile.create(beside: path)
        close(descriptor)
        unlink(temporary)
    }

    /// SQLite would take a journal left beside `path` (by a database deleted by hand) into
    /// the new database as it first opened it. A link counts, even one pointing nowhere: SQLite
    /// would create its journal where it points, or fail to open the database at all.
    static func refuseLeftoverJournal(of path: String) throws {
        for suffix in ["-wal", "-shm", "-journal"] {
            var status = stat()
            if lstat(path + suffix, &status) == 0 { throw FileWriteError.leftoverJournal(path, journal: path + suffix) }
        }
    }

    private static func fsyncFile(_ path: String) -> Bool {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return fsync(descriptor) == 0
    }
}
