public import Foundation
public import SignatoryDomain

/// What `Store.restore(from:to:)` did.
public struct RestoredBackup: Sendable {
    public let office: Office
    /// How many changes the restored database holds, every office's.
    public let changes: Int64
    /// The name the replaced database now has (its `-wal` and `-shm`, if any, beside it), or
    /// `nil` when there was none.
    public let replacedAs: String?
}

extension Store {
    /// Puts the backup at `backup` in place as the database at `path`, never writing to the
    /// backup and never removing anything.
    ///
    /// The backup is copied beside `path` and checked there (upgraded if older). The database
    /// it replaces, with its `-wal` and `-shm`, is kept under a new name: a `-wal` left beside a
    /// restored file would be written into it on the next open and damage it. Refused, with
    /// nothing changed: a backup that is not a whole Signatory database, one of another office
    /// than the database it replaces, and a database another process has open.
    ///
    /// ```swift
    /// let restored = try Store.restore(from: "geneva-2026-12-02.db", to: "geneva.db")
    /// print(restored.replacedAs ?? "nothing replaced")
    /// ```
    public static func restore(from backup: String, to path: String, now: Date = Date()) throws -> RestoredBackup {
        var link = stat()
        if lstat(path, &link) == 0 {
            switch link.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw FileWriteError.isFolder(path)
            case S_IFLNK:
                throw StoreError.notADatabase(path: path, detail: "it is a symbolic link; give the file it points to")
            default: throw FileWriteError.notAFile(path)
            }
        }
        var backupStatus = stat()
        guard stat(backup, &backupStatus) == 0 else {
            throw StoreError.unusableBackup(path: backup, reason: "there is no such file")
        }
        guard backupStatus.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.unusableBackup(path: backup, reason: "it is a folder, a device or a pipe, not a file")
        }
        var targetStatus = stat()
        if stat(path, &targetStatus) == 0, targetStatus.st_dev == backupStatus.st_dev,
            targetStatus.st_ino == backupStatus.st_ino
        {
            throw StoreError.unusableBackup(path: backup, reason: "it is the database itself")
        }
        let copy = try self.checkedCopy(of: backup, beside: path)
        var placed = false
        defer {
            if !placed { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy.path + suffix) } }
        }
        let aside = try self.setAside(path, for: copy.office, backup: backup, now: now)
        if aside != nil {
            guard rename(copy.path, path) == 0 else { throw FileWriteError.fromErrno(path) }
        } else {
            // link(2) never replaces a database that appeared meanwhile.
            guard Glibc.link(copy.path, path) == 0 else {
                throw errno == EEXIST ? FileWriteError.exists(path) : FileWriteError.fromErrno(path)
            }
            unlink(copy.path)
        }
        placed = true
        self.syncFolder(of: path)
        return RestoredBackup(office: copy.office, changes: copy.changes, replacedAs: aside)
    }

    /// Copies the backup beside `path` (mode 0600), opens the copy as a Signatory database,
    /// upgrading it if older, and checks every page.
    private static func checkedCopy(
        of backup: String,
        beside path: String
    ) throws -> (path: String, office: Office, changes: Int64) {
        guard let source = FileHandle(forReadingAtPath: backup) else {
            throw StoreError.unusableBackup(path: backup, reason: String(cString: strerror(errno)))
        }
        defer { try? source.close() }
        let (copy, descriptor) = try TemporaryFile.create(beside: path)
        var kept = false
        defer {
            close(descriptor)
            if !kept { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy + suffix) } }
        }
        let sink = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        while let chunk = try source.read(upToCount: 1 << 20), !chunk.isEmpty {
            try sink.write(contentsOf: chunk)
        }
        guard fsync(descriptor) == 0 else { throw FileWriteError.fromErrno(path) }
        let checked: (Office, Int64)
        do {
            checked = try self.check(copy)
        } catch let error as StoreError {
            throw StoreError.unusableBackup(
                path: backup,
                reason: String(describing: error).replacingOccurrences(of: copy, with: backup)
            )
        } catch let error as SQLiteError {
            throw StoreError.unusableBackup(path: backup, reason: "SQLite says: \(error.message)")
        }
        // Its connection is closed: SQLite has folded and removed the copy's own journals.
        for suffix in ["-wal", "-shm"] { unlink(copy + suffix) }
        kept = true
        return (copy, checked.0, checked.1)
    }

    private static func check(_ path: String) throws -> (Office, Int64) {
        let checked = try { () throws -> (Office, Int64) in
            let store = try Store.open(at: path, busyTimeoutMilliseconds: 0)
            let verdict = try store.database.prepare("PRAGMA quick_check").rows { $0.text(0) }
            guard verdict == ["ok"] else {
                throw StoreError.notADatabase(
                    path: path,
                    detail: "it is damaged: \(verdict.prefix(3).joined(separator: "; "))"
                )
            }
            return (store.office, try store.changeCount())
        }()
        // `VACUUM INTO` writes a rollback-journal database; an office's database uses a WAL, so
        // that readers (the hub's second connection) never wait for a writer. Set on a
        // connection of its own: the store's cached statements would hold the file.
        let database = try Database(path: path, mode: .readWrite)
        try database.execute("PRAGMA journal_mode = WAL")
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return checked
    }

    /// Gives the database at `path` and its journals a new name, `PATH.replaced-20261202T101500`,
    /// after checking that it is `office`'s and that no other process has it open. Returns the
    /// new name, or `nil` when there is no database at `path` (stray journals are set aside too).
    private static func setAside(_ path: String, for office: Office, backup: String, now: Date) throws -> String? {
        let exists = FileManager.default.fileExists(atPath: path)
        if exists, let current = try self.officeIfReadable(at: path), current.id != office.id {
            throw StoreError.backupOfAnotherOffice(
                backup: backup,
                backupOffice: "\(office.name) (\(office.id))",
                database: path,
                office: "\(current.name) (\(current.id))"
            )
        }
        let journals = ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) }
        guard exists || !journals.isEmpty else { return nil }
        let stamp = Self.stamp(now)
        var aside = "\(path).replaced-\(stamp)"
        var attempt = 1
        while FileManager.default.fileExists(atPath: aside)
            || ["-wal", "-shm"].contains(where: { FileManager.default.fileExists(atPath: aside + $0) })
        {
            attempt += 1
            aside = "\(path).replaced-\(stamp)-\(attempt)"
        }
        if exists {
            guard Glibc.link(path, aside) == 0 else { throw FileWriteError.fromErrno(aside) }
        }
        for suffix in journals {
            guard Glibc.link(path + suffix, aside + suffix) == 0 else { throw FileWriteError.fromErrno(aside + suffix) }
            unlink(path + suffix)
        }
        return exists ? aside : nil
    }

    /// The office of the database at `path`, or `nil` when it cannot be read (the reason to
    /// restore, often). Refuses a database another process has open: the last connection to
    /// close removes its journals, so journals still there after this one closed are another's.
    private static func officeIfReadable(at path: String) throws -> Office? {
        let office: Office
        do {
            office = try Store.open(at: path, busyTimeoutMilliseconds: 0).office
        } catch let error as SQLiteError where error.isBusy {
            throw StoreError.databaseInUse(path: path)
        } catch {
            return nil
        }
        if ["-wal", "-shm"].contains(where: { FileManager.default.fileExists(atPath: path + $0) }) {
            throw StoreError.databaseInUse(path: path)
        }
        return office
    }

    private static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: date)
    }

    /// Makes the renames last through a power cut.
    private static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
