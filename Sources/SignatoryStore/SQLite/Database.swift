import CSQLite

/// One connection to a SQLite database file: foreign keys on, a busy timeout, and a cache of
/// prepared statements.
///
/// ```swift
/// let database = try Database(path: "signatory.db", mode: .create)
/// try database.transaction {
///     try database.prepare("INSERT INTO campaign(id, name, status) VALUES (?, ?, ?)").run(id, name, status)
/// }
/// ```
///
/// A connection belongs to the task that opened it; it is not `Sendable`.
package final class Database {
    package enum OpenMode: Sendable {
        /// The file must exist.
        case readWrite
        /// The file is created when missing.
        case create
        /// The file must exist, and is only read.
        case readOnly
    }

    let handle: OpaquePointer
    package let path: String
    private var statements: [String: PreparedStatement] = [:]
    /// The statements of SQL written in the source, found by the text's address: hashing a
    /// long statement's text on every use cost more than running some of them.
    private var literalStatements: [UnsafeRawPointer: PreparedStatement] = [:]

    /// Set once, before the first connection opens: SQLite takes options only before it starts.
    /// Debian's build counts the memory it allocates, under a global mutex, and its profile
    /// showed that lock in every row written; nothing here reads the counts.
    private static let configured: Void = {
        _ = signatory_sqlite3_config_memstatus(0)
    }()

    package init(path: String, mode: OpenMode, busyTimeoutMilliseconds: Int32 = 5_000) throws(SQLiteError) {
        _ = Database.configured
        var flags = (mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        if mode == .create { flags |= SQLITE_OPEN_CREATE }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, connection: handle)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try self.execute("PRAGMA foreign_keys = ON")
        // Deleted and overwritten content is zeroed, so an erased person's values leave no copy
        // in free pages (see `Store.eraseContact`).
        try self.execute("PRAGMA secure_delete = ON")
        // Savepoint and statement journals stay in memory: every edit runs in a savepoint.
        try self.execute("PRAGMA temp_store = MEMORY")
        // A larger page cache keeps a bulk import from spilling pages to the WAL mid-transaction.
        try self.execute("PRAGMA cache_size = -65536")
    }

    /// Makes closing this connection leave the write-ahead log as it is, even as the last one:
    /// a file that is only looked at keeps its bytes, its log included.
    package func leaveLogOnClose() throws(SQLiteError) {
        let code = signatory_sqlite3_db_config_no_checkpoint_on_close(self.handle, 1)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: self.handle) }
    }

    deinit {
        self.statements.removeAll()
        self.literalStatements.removeAll()
        sqlite3_close_v2(self.handle)
    }

    /// Runs one or more statements that take no parameters.
    package func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(self.handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(self.handle), message: text, sql: sql)
        }
    }

    /// The cached prepared statement for `sql`, compiled on first use.
    package func prepare(_ sql: StaticString) throws(SQLiteError) -> PreparedStatement {
        guard sql.hasPointerRepresentation else { return try self.prepare(built: sql.description) }
        let address = UnsafeRawPointer(sql.utf8Start)
        if let statement = self.literalStatements[address] { return statement }
        let statement = try PreparedStatement(database: self, sql: sql.description)
        self.literalStatements[address] = statement
        return statement
    }

    /// The cached prepared statement for `sql` put together at run time, compiled on first use.
    package func prepare(built sql: String) throws(SQLiteError) -> PreparedStatement {
        if let statement = self.statements[sql] { return statement }
        let statement = try PreparedStatement(database: self, sql: sql)
        self.statements[sql] = statement
        return statement
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    ///
    /// A transaction opened inside another becomes a savepoint, so helpers can open their own
    /// and a failure inside one undoes only its own writes.
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        let nested = sqlite3_get_autocommit(self.handle) == 0
        try self.prepare(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE").run()
        do {
            let result = try body()
            try self.prepare(nested ? "RELEASE nested" : "COMMIT").run()
            return result
        } catch {
            if nested {
                try? self.prepare("ROLLBACK TO nested").run()
                try? self.prepare("RELEASE nested").run()
            } else if sqlite3_get_autocommit(self.handle) == 0 {
                try? self.prepare("ROLLBACK").run()
            }
            throw error
        }
    }

    /// Whether no transaction is open.
    package var isAutocommit: Bool { sqlite3_get_autocommit(self.handle) != 0 }

    /// The number of rows the last write changed.
    package var changes: Int { Int(sqlite3_changes(self.handle)) }

    /// Reads a single integer, e.g. `PRAGMA user_version` or a `count(*)`.
    package func integer(_ sql: StaticString, _ values: any SQLBindable...) throws -> Int64 {
        let statement = try self.prepare(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? sqlite3_column_int64(statement.handle, 0) : 0
    }
}
