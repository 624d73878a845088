import CSQLite
public import Foundation
public import SignatoryDomain

/// A Signatory database file: the office that keeps it and the coalition's records.
///
/// ```swift
/// let store = try Store.create(at: "geneva.db", office: Office(name: "Geneva", createdAt: Date()))
/// try store.insert(Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH"))
/// ```
///
/// Every method that writes more than one row does it in one transaction.
public final class Store {
    package let database: Database
    public let office: Office
    /// This office's feed end and clock, read once per transaction rather than once per change.
    var localFeedEnd: (sequence: Int64, hash: String)?
    /// The wall clock that dates this office's changes; tests set a simulated one.
    public var clock: @Sendable () -> Date = { Date() }
    var lastIssuedTimestamp: HybridTimestamp??
    /// The last timestamp issued in the open transaction, written to the clock row once, just
    /// before it commits, instead of once per change.
    var unwrittenClock: HybridTimestamp?
    /// Settled fields read or written in the current transaction, so a parent record read for
    /// each of its children is decoded once. Cleared whenever a transaction starts or rolls back.
    var settledCache: [EntityRef: FieldMap] = [:]
    /// Whether an erasure was applied whose values may still be in the database's files: another
    /// program was reading the database when the write-ahead log was to be truncated. The next
    /// transaction here tries again.
    public internal(set) var erasedValuesMayLinger = false
    /// While a bulk import runs, the organisations it wrote or received: their duplicate pairs
    /// are found once at its end. `nil` otherwise.
    var deferredDuplicates: RewrittenOrganisations?
    /// Whether any organisation names another in `mergedInto`, as read in the current
    /// transaction: every record written asks. Forgotten whenever such a reference is written.
    var mergesHeld: Bool?
    /// The organisations that stood for an organisation whose `mergedInto` was written since the
    /// record tables were last brought up to date: their signature rows may hold it still.
    var formerCanonicals: Set<String> = []

    private init(database: Database, office: Office) {
        self.database = database
        self.office = office
    }

    /// Creates a database at `path` for `office`. Refuses a path that already holds data.
    public static func create(at path: String, office: Office) throws -> Store {
        try office.validate()
        let office = Office(id: office.id, name: office.name, createdAt: office.createdAt.roundedToStoredPrecision)
        try Self.requireRegularFile(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > 0 {
            throw StoreError.alreadyInitialised(path: path)
        }
        try Self.refuseLeftoverJournal(of: path)
        let existed = attributes != nil
        // The file holds the office's private key and people's contacts: its owner's alone.
        // SQLite gives the -wal and -shm files the database's mode.
        let formerMode = attributes?[.posixPermissions] as? Int
        if !existed {
            let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard descriptor >= 0 else { throw FileWriteError.fromErrno(path) }
            close(descriptor)
        } else if formerMode != 0o600 {
            // An empty file made beforehand (`touch`, or `: >` under umask 022) is world-readable.
            guard chmod(path, 0o600) == 0 else { throw FileWriteError.fromErrno(path) }
        }
        do {
            let database = try Database(path: path, mode: .create)
            // Set before the first table, and fixed from then on. A change line is about 1 KiB:
            // 16 KiB pages hold fifteen where 4 KiB ones held three, with fewer page splits and
            // shallower trees (a 100,000-change import 4-10 % faster, timed by hand).
            try database.execute("PRAGMA page_size = 16384")
            try database.execute("PRAGMA journal_mode = WAL")
            try Migrator(migrations: Migration.embedded).migrate(database)
            let keys = OfficeKeys()
            try database.transaction {
                try database.prepare(
                    "INSERT INTO office (singleton, id, name, created_at, public_key, private_key) VALUES (1, ?, ?, ?, ?, ?)"
                )
                .run(office.id, office.name, office.createdAt, keys.publicKey, keys.privateKeyBase64)
                try database.prepare(
                    "INSERT INTO trusted_office (id, name, public_key, trusted_at) VALUES (?, ?, ?, ?)"
                )
                .run(office.id, office.name, keys.publicKey, office.createdAt)
            }
            let store = Store(database: database, office: office)
            try store.giveOfficeAnEncryptionKey()
            return store
        } catch {
            // Only the file this call created goes, with its journals; never anything that was there.
            if !existed { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
            if existed, let formerMode { chmod(path, mode_t(formerMode)) }
            throw error
        }
    }

    /// Opens an existing database, upgrading an older schema.
    ///
    /// Refuses, without writing, a missing file, a file that is not SQLite, an empty one, and
    /// one written by a newer schema than this build knows; and, rolling the upgrade back, one
    /// whose contents a migration cannot keep (``StoreError/Code/upgradeRefused``).
    /// - Parameter busyTimeoutMilliseconds: how long to wait for another writer before failing
    ///   with a busy ``SQLiteError``.
    public static func open(at path: String, busyTimeoutMilliseconds: Int32 = 30_000) throws -> Store {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StoreError.noDatabase(path: path)
        }
        guard !isFolder.boolValue else {
            throw StoreError.notADatabase(path: path, detail: "it is a folder; give the database file")
        }
        try Self.requireRegularFile(path)
        let database: Database
        let version: Int
        do {
            database = try Database(path: path, mode: .readWrite, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            version = Int(try database.integer("PRAGMA user_version"))
        } catch let error as SQLiteError where error.primaryCode == SQLITE_NOTADB || error.primaryCode == SQLITE_CORRUPT
        {
            // Only what the file holds makes it another program's: a full disk, a read-only
            // folder or a journal that cannot be opened stays an SQLiteError, saying so.
            throw StoreError.notADatabase(path: path, detail: "SQLite says: \(error.message)")
        }
        if version < 0 {
            throw StoreError.notADatabase(
                path: path,
                detail: "its schema version is \(version), which no Signatory writes"
            )
        }
        if version == 0 {
            // `init` writes its tables and their version together: tables without one are another program's.
            guard try database.integer("SELECT count(*) FROM sqlite_master") == 0 else {
                throw StoreError.notADatabase(path: path, detail: "it holds tables but no Signatory schema version")
            }
            throw StoreError.notInitialised(path: path)
        }
        if version > Migration.latestVersion {
            throw StoreError.newerSchema(path: path, found: version, known: Migration.latestVersion)
        }
        let upgrading = version < Migration.latestVersion
        if upgrading {
            do {
                try Migrator(migrations: Migration.embedded).migrate(database)
            } catch let refusal as Migrator.Refusal {
                throw StoreError.upgradeRefused(
                    path: path,
                    schema: version,
                    migration: refusal.migration,
                    reason: refusal.reason
                )
            }
        }
        let office = try database.prepare("SELECT id, name, created_at FROM office").firstRow { row in
            Office(id: try row.id(0), name: row.text(1), createdAt: row.date(2))
        }
        guard let office else { throw StoreError.notInitialised(path: path) }
        let store = Store(database: database, office: office)
        if upgrading {
            // Only schema 1 held records without changes; later files hold a change for every
            // value, and their rows show merges that their changes do not repeat.
            if version < 2 { try store.adoptRecordsWithoutChanges() }
            try store.giveOfficeAnEncryptionKey()
        }
        return store
    }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    ///
    /// Inside another transaction it simply joins it: the outer one commits or rolls back
    /// everything. A caller that catches a failure and carries on uses ``savepoint(_:)`` instead.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        guard self.database.isAutocommit else { return try self.forgettingOnFailure(body) }
        self.formerCanonicals.removeAll()
        return try self.outermostTransaction(body)
    }

    /// Runs `body` so that a failure undoes its writes alone, inside or outside a transaction:
    /// a bulk import gives each row one and skips the rows that fail.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        guard self.database.isAutocommit else {
            // Rolled back, the savepoint's timestamps are no one's: the clock goes back to its
            // reading at the start, which every change kept before then is at or below, so that a
            // dry run inside a longer transaction (the web app's import preview) writes nothing.
            let clock = (self.lastIssuedTimestamp, self.unwrittenClock)
            do {
                return try self.forgettingOnFailure { try self.database.transaction(body) }
            } catch {
                (self.lastIssuedTimestamp, self.unwrittenClock) = clock
                throw error
            }
        }
        return try self.outermostTransaction(body)
    }

    /// A transaction that commits: it reads the feed and clock afresh, writes the clock before
    /// committing, and wipes the write-ahead log after.
    private func outermostTransaction<T>(_ body: () throws -> T) throws -> T {
        self.forgetCachedFeed()
        let result = try self.forgettingOnFailure { try self.database.transaction { try self.committingClock(body) } }
        try self.wipeWriteAheadLog()
        return result
    }

    private func forgettingOnFailure<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            // A rolled-back change must not leave its sequence number, timestamp or fields behind.
            self.forgetCachedFeed()
            throw error
        }
    }

    func forgetCachedFeed() {
        self.localFeedEnd = nil
        self.settledCache.removeAll()
        self.mergesHeld = nil
        // Inside a transaction that goes on, a timestamp issued by a rolled-back change is kept
        // as the clock's reading (a savepoint's rollback restores its own: see `savepoint(_:)`):
        // issuing it again could repeat one a kept change holds. At the
        // start of a transaction the clock is read afresh, as another process may have ticked it.
        if self.database.isAutocommit {
            self.lastIssuedTimestamp = nil
            self.unwrittenClock = nil
        }
    }

    /// A device, a pipe or a socket is never a database: SQLite would write a journal beside it.
    private static func requireRegularFile(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFDIR else {
            throw StoreError.notADatabase(path: path, detail: "it is a device, a pipe or a socket, not a file")
        }
    }
}
