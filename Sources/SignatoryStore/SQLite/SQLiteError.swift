import CSQLite

/// A failure reported by SQLite, with its result code and message.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The primary or extended result code, e.g. `SQLITE_CONSTRAINT` (19).
    public let code: Int32
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let message =
            connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: message, sql: sql)
    }

    /// The primary result code, without the extended bits.
    public var primaryCode: Int32 { self.code & 0xFF }

    /// Whether a rule of the schema refused the write (a CHECK, a foreign key, a trigger…), as
    /// opposed to a failure of the database itself.
    public var isConstraintViolation: Bool { self.primaryCode == SQLITE_CONSTRAINT }

    /// Whether another connection holds the lock the work needed, for longer than the busy timeout.
    public var isBusy: Bool { self.primaryCode == SQLITE_BUSY || self.primaryCode == SQLITE_LOCKED }

    public var description: String { "SQLite error \(self.code): \(self.message)" }
}
