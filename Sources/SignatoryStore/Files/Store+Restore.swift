import CSQLite
public import Foundation
public import SignatoryDomain

/// What `Store.restore(from:to:)` did.
public struct RestoredBackup: Sendable {
    public let office: Office
    /// How many changes the restored database holds, every office's.
    public let changes: Int64
    /// Where the database it replaced is kept, or `nil` when there was none.
    public let replacedAs: String?
    /// Whether the replaced database could not be read (so whose it was is not known).
    public let replacedWasUnreadable: Bool
    /// What the replaced database had decided since the backup and the backup had not, kept in
    /// the restored one: trust revoked (the key may be in other hands), and on a hub enrolments
    /// ended and audiences narrowed (a wider one would let an office read what it was meant not to).
    package let kept: ReplacementDecisions.Kept
    /// Whether the database is a hub's, or may be: the backup or the decisions kept enrol
    /// offices, or the replaced database's enrolments could not be read.
    public var mayBeAHub: Bool {
        self.backupEnrolsOffices || !self.kept.enrolmentsEnded.isEmpty || !self.enrolmentsRead
    }
    let backupEnrolsOffices: Bool
    let enrolmentsRead: Bool
    /// Whether the replaced database was damaged so that some of its revocations, enrolments and
    /// audiences could not be read: one made in it since the backup may not be carried over.
    public var revocationsMayBeLost: Bool { self.replacedAs != nil && !self.decisionsRead }
    let decisionsRead: Bool
}

extension Store {
    /// Puts the backup at `backup` in place as the database at `path`, never writing to the
    /// backup and never removing anything.
    ///
    /// The backup is copied beside `path` and checked there (upgraded if older). Under one write
    /// lock, a whole database at `path` is copied to `PATH.replaced-DATE` and its rows replaced
    /// with the backup's, so that its file, its write-ahead log and any connection to it stay
    /// consistent and nothing committed meanwhile is lost. A damaged or unreadable one is renamed
    /// `PATH.replaced-DATE`, its `-wal` and `-shm` beside it. Refused, with nothing changed: a
    /// backup that is not a whole Signatory database, one with a write-ahead log of its own
    /// beside it, one of another office than the database it replaces (whenever its office can
    /// be read), a database another process has open, one another program's schema changed, and a
    /// journal left where no database is.
    ///
    /// ```swift
    /// let restored = try Store.restore(from: "geneva-2026-12-02.db", to: "geneva.db")
    /// print(restored.replacedAs ?? "nothing replaced")
    /// ```
    public static func restore(from backup: String, to path: String, now: Date = Date()) throws -> RestoredBackup {
        try self.requireRestorableTarget(path)
        try self.requireBackupFile(backup, notAt: path)
        let current = try self.currentState(at: path)
        let copy = try self.checkedCopy(of: backup, beside: path)
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy.path + suffix) } }
        // Whenever the office row can be read, a damaged database's included, it must be the backup's.
        if let office = current.office, office.id != copy.office.id {
            throw StoreError.backupOfAnotherOffice(
                backup: backup,
                backupOffice: "\(copy.office.name) (\(copy.office.id))",
                database: path,
                office: "\(office.name) (\(office.id))"
            )
        }
        if current.office != nil && current.whole {
            let (aside, kept, decisions) = try self.overwrite(
                path,
                withRowsOf: copy.path,
                keepingAs: self.freeName(for: path, now)
            )
            return RestoredBackup(
                office: copy.office,
                changes: copy.changes,
                replacedAs: aside,
                replacedWasUnreadable: false,
                kept: kept,
                backupEnrolsOffices: copy.enrolsOffices,
                enrolmentsRead: decisions.enrolmentsRead,
                decisionsRead: decisions.isWhole
            )
        }
        // A damaged database whose decisions still read keeps them too; the restored copy takes them
        // before it takes the name.
        var kept = ReplacementDecisions.Kept()
        if let decisions = current.decisions {
            let database = try Database(path: copy.path, mode: .readWrite)
            kept = try database.transaction { try decisions.keep(in: database, for: .restore) }
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let aside = try self.setAside(path, as: self.freeName(for: path, now))
        if aside != nil {
            guard rename(copy.path, path) == 0 else { throw FileWriteError.fromErrno(path) }
        } else {
            // link(2) never replaces a database that appeared meanwhile.
            guard Glibc.link(copy.path, path) == 0 else {
                throw errno == EEXIST ? FileWriteError.exists(path) : FileWriteError.fromErrno(path)
            }
        }
        self.syncFolder(of: path)
        return RestoredBackup(
            office: copy.office,
            changes: copy.changes,
            replacedAs: aside,
            replacedWasUnreadable: aside != nil && current.office == nil,
            kept: kept,
            backupEnrolsOffices: copy.enrolsOffices,
            enrolmentsRead: current.decisions?.enrolmentsRead ?? false,
            decisionsRead: current.decisions?.isWhole ?? false
        )
    }

    private static func requireRestorableTarget(_ path: String) throws {
        var link = stat()
        // A journal without its database may hold its last changes: a person decides, not a rename.
        guard lstat(path, &link) == 0 else { return try self.refuseLeftoverJournal(of: path) }
        switch link.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw FileWriteError.isFolder(path)
        case S_IFLNK:
            throw StoreError.notADatabase(path: path, detail: "it is a symbolic link; give the file it points to")
        default: throw FileWriteError.notAFile(path)
        }
    }

    private static func requireBackupFile(_ backup: String, notAt path: String) throws {
        var backupStatus = stat()
        guard stat(backup, &backupStatus) == 0 else {
            throw StoreError.unusableBackup(path: backup, reason: "there is no such file")
        }
        guard backupStatus.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.unusableBackup(path: backup, reason: "it is a folder, a device or a pipe, not a file")
        }
        var target = stat()
        if stat(path, &target) == 0, target.st_dev == backupStatus.st_dev, target.st_ino == backupStatus.st_ino {
            throw StoreError.unusableBackup(path: backup, reason: "it is the database itself")
        }
        // A copy taken by hand while a program had it open: its last changes are in the log, not in it.
        var log = stat()
        if stat(backup + "-wal", &log) == 0, log.st_size > 0 {
            throw StoreError.unusableBackup(
                path: backup,
                reason: "the -wal file beside it holds changes that are not in the file itself"
            )
        }
    }

    /// The office of the database at `path` (`nil` when there is none, or its office row cannot
    /// be read), whether every page of it reads back whole, and its revocations, enrolments and
    /// audiences (`nil` when they cannot be read), found without writing anything.
    /// A failed read (a disk error, a full disk, a file that cannot be opened) is an error: it
    /// says nothing of the file, and whose database it is must not go unchecked.
    private static func currentState(
        at path: String
    ) throws -> (office: Office?, whole: Bool, decisions: ReplacementDecisions?) {
        guard FileManager.default.fileExists(atPath: path) else { return (nil, false, nil) }
        // A log left by a crash stays as it is until the restore goes ahead: a reading connection
        // uses the existing -shm. Without one, a connection that writes creates both journals
        // and, closing last, removes them, where a reading one would leave them behind; a log
        // found without its -shm is then left as it is, not copied into the file on closing.
        let journals = ["-wal", "-shm"].map { FileManager.default.fileExists(atPath: path + $0) }
        guard
            let database = try self.readingDamage(
                path,
                { () throws -> Database in
                    let database = try Database(path: path, mode: journals == [true, true] ? .readOnly : .readWrite)
                    if journals == [true, false] { try database.leaveLogOnClose() }
                    return database
                }
            )
        else { return (nil, false, nil) }
        let office = try self.readingDamage(path) { () throws -> Office? in
            guard try database.integer("SELECT count(*) FROM sqlite_master WHERE name = 'office'") == 1 else {
                return nil
            }
            return try database.prepare("SELECT id, name, created_at FROM office").firstRow { row in
                Office(id: try row.id(0), name: row.text(1), createdAt: row.date(2))
            }
        }
        let verdict = try self.readingDamage(path) { try database.prepare("PRAGMA quick_check").rows { $0.text(0) } }
        // quick_check reports a page it could not read as a row, not as an error.
        if let failed = verdict?.first(where: { $0.contains("error code=") }) {
            throw SQLiteError(code: SQLITE_IOERR, message: "\(path) could not be read: \(failed); nothing was changed")
        }
        // Each table as far as it reads; a file whose office cannot be read may be another office's.
        let decisions = try (office ?? nil).flatMap { _ in
            try self.readingDamage(path) { try ReplacementDecisions(readFrom: database) }
        }
        return (office ?? nil, verdict == ["ok"], decisions)
    }

    /// `body`'s result, or `nil` when SQLite finds the file is not a database or is damaged.
    private static func readingDamage<T>(_ path: String, _ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as SQLiteError where error.isBusy {
            throw StoreError.databaseInUse(path: path)
        } catch let error as SQLiteError
            where error.primaryCode == SQLITE_NOTADB || error.primaryCode == SQLITE_CORRUPT
        {
            return nil
        }
    }

    /// Copies the backup beside `path` (mode 0600), opens the copy as a Signatory database,
    /// upgrading it if older, checks every page, and gives it a write-ahead log.
    private static func checkedCopy(
        of backup: String,
        beside path: String
    ) throws -> (path: String, office: Office, changes: Int64, enrolsOffices: Bool) {
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
        do {
            while let chunk = try source.read(upToCount: 1 << 20), !chunk.isEmpty {
                try sink.write(contentsOf: chunk)
            }
        } catch let error as NSError where FileWriteError.isOutOfSpace(error) {
            throw FileWriteError.diskFull(path)
        }
        guard fsync(descriptor) == 0 else { throw FileWriteError.fromErrno(path) }
        let checked: (office: Office, changes: Int64, enrolsOffices: Bool)
        do {
            checked = try self.check(copy)
        } catch let error as StoreError {
            throw StoreError.unusableBackup(
                path: backup,
                reason: String(describing: error).replacingOccurrences(of: copy, with: backup)
            )
        } catch let error as SQLiteError where !error.isBusy && error.primaryCode != SQLITE_FULL {
            throw StoreError.unusableBackup(path: backup, reason: "SQLite says: \(error.message)")
        }
        kept = true
        return (copy, checked.office, checked.changes, checked.enrolsOffices)
    }

    private static func check(_ path: String) throws -> (office: Office, changes: Int64, enrolsOffices: Bool) {
        let checked = try { () throws -> (Office, Int64, Bool) in
            let store = try Store.open(at: path, busyTimeoutMilliseconds: 0)
            let verdict = try store.database.prepare("PRAGMA quick_check").rows { $0.text(0) }
            guard verdict == ["ok"] else {
                throw StoreError.notADatabase(
                    path: path,
                    detail: "it is damaged: \(verdict.prefix(3).joined(separator: "; "))"
                )
            }
            let orphans = try store.database.prepare("PRAGMA foreign_key_check").rows { $0.text(0) }
            guard orphans.isEmpty else {
                throw StoreError.notADatabase(
                    path: path,
                    detail: "rows of \(Set(orphans).sorted().joined(separator: ", ")) refer to records it lacks"
                )
            }
            return (store.office, try store.changeCount(), !(try store.hubMembers().isEmpty))
        }()
        // On a connection of its own: the store's cached statements would hold the file.
        // `VACUUM INTO` writes a rollback-journal database; an office's uses a write-ahead log.
        let database = try Database(path: path, mode: .readWrite)
        try database.execute("PRAGMA journal_mode = WAL")
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return checked
    }

    /// Keeps a copy of the database at `path` as `aside`, then replaces every row of it with
    /// the rows of `source`, all under one write lock: nothing another process commits can fall
    /// between the copy and the replacement, and the file keeps its own write-ahead log, so a
    /// connection opened before sees one consistent database. A trust revocation or a hub
    /// enrolment ended since the backup stays: the revoked key may be in other hands; so does an
    /// audience narrowed since. Returns `aside`, what was kept of those decisions, and the
    /// decisions as read (whether they read whole).
    private static func overwrite(
        _ path: String,
        withRowsOf source: String,
        keepingAs aside: String
    ) throws -> (aside: String, kept: ReplacementDecisions.Kept, decisions: ReplacementDecisions) {
        // An older schema is brought up to this release's first, as the backup's copy was.
        _ = try Store.open(at: path, busyTimeoutMilliseconds: 5_000).office
        if try self.othersHaveOpen(path) { throw StoreError.databaseInUse(path: path) }
        let writer = try Database(path: path, mode: .readWrite, busyTimeoutMilliseconds: 5_000)
        try writer.execute("PRAGMA foreign_keys = OFF")
        try writer.prepare("ATTACH ? AS restored").run(source)
        // Both are at this release's schema now; anything else (a trigger, an index, a column) is another program's.
        let schema = try writer.prepare(
            "SELECT type, name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite%' ORDER BY type, name"
        ).rows { "\($0.text(0)) \($0.text(1)) \($0.optionalText(2) ?? "")" }
        let theirs = try writer.prepare(
            "SELECT type, name, sql FROM restored.sqlite_master WHERE name NOT LIKE 'sqlite%' ORDER BY type, name"
        ).rows { "\($0.text(0)) \($0.text(1)) \($0.optionalText(2) ?? "")" }
        let tables = try writer.prepare(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
        ).rows { $0.text(0) }
        guard schema == theirs else {
            throw StoreError.notADatabase(
                path: path,
                detail: "its tables, indexes or triggers differ from the backup's; another program changed one of them"
            )
        }
        try self.beginWriting(writer, path)
        let kept: ReplacementDecisions.Kept
        let decisions: ReplacementDecisions
        do {
            // An office continued elsewhere (`office recover`) stays so: a backup restored over it
            // would be written to, and recovered, again. The write lock is held: no mark comes later.
            if let successor = try writer.prepare("SELECT value FROM main.setting WHERE key = ?")
                .firstRow(Store.successorSetting, read: { Store.successor(in: $0.text(0)) }) ?? nil
            {
                throw StoreError.succeeded(office: successor.office.description, path: successor.path)
            }
            // The write lock is held: the copy is the database exactly as it is replaced.
            try OutputFile.placeNamed(at: aside, protecting: path, replacing: false) { temporary, _ in
                let reader = try Database(path: path, mode: .readOnly)
                try reader.prepare("VACUUM INTO ?").run(temporary)
            }
            decisions = try ReplacementDecisions(readFrom: writer)
            for table in tables {
                let columns = try writer.prepare("SELECT name FROM pragma_table_info(?, 'main')").rows(table) {
                    "\"\($0.text(0))\""
                }
                let list = columns.joined(separator: ", ")
                try writer.execute("DELETE FROM main.\"\(table)\"")
                try writer.execute("INSERT INTO main.\"\(table)\" (\(list)) SELECT \(list) FROM restored.\"\(table)\"")
            }
            kept = try decisions.keep(in: writer, for: .restore)
            try writer.execute("COMMIT")
        } catch {
            if !writer.isAutocommit { try? writer.execute("ROLLBACK") }
            // Nothing was written over: the copy this call made of it goes.
            unlink(aside)
            throw error
        }
        try writer.execute("DETACH restored")
        try writer.execute("PRAGMA foreign_keys = ON")
        try writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        // The file holds the office's private key: its owner's alone, whatever it was before.
        chmod(path, 0o600)
        return (aside, kept, decisions)
    }

    /// Takes the write lock, which another process's transaction refuses.
    private static func beginWriting(_ writer: Database, _ path: String) throws {
        do {
            try writer.execute("BEGIN IMMEDIATE")
        } catch {
            guard !error.isBusy else { throw StoreError.databaseInUse(path: path) }
            throw error
        }
    }

    /// Whether another process has the database open: the last connection to close folds the
    /// write-ahead log into the file and removes it and the `-shm`.
    private static func othersHaveOpen(_ path: String) throws -> Bool {
        do {
            let database = try Database(path: path, mode: .readWrite, busyTimeoutMilliseconds: 5_000)
            _ = try database.integer("SELECT count(*) FROM office")
        }
        return ["-wal", "-shm"].contains { FileManager.default.fileExists(atPath: path + $0) }
    }

    /// A name beside `path` that nothing has: `PATH.replaced-20261202T101500`, then `-2`, `-3`…
    private static func freeName(for path: String, _ now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        let stem = "\(path).replaced-\(formatter.string(from: now))"
        var name = stem
        var attempt = 1
        while ["", "-wal", "-shm"].contains(where: { FileManager.default.fileExists(atPath: name + $0) }) {
            attempt += 1
            name = "\(stem)-\(attempt)"
        }
        return name
    }

    /// Gives an unreadable database at `path` and its journals the name `aside`. Returns it, or
    /// `nil` when there is no database at `path` (stray journals are set aside too).
    private static func setAside(_ path: String, as aside: String) throws -> String? {
        let exists = FileManager.default.fileExists(atPath: path)
        let journals = ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) }
        if exists {
            guard Glibc.link(path, aside) == 0 else { throw FileWriteError.fromErrno(aside) }
        }
        for suffix in journals {
            guard Glibc.link(path + suffix, aside + suffix) == 0 else { throw FileWriteError.fromErrno(aside + suffix) }
            unlink(path + suffix)
        }
        return exists ? aside : nil
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
