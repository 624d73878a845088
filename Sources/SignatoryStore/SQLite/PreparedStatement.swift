import CSQLite

/// A compiled SQL statement. ``Database/prepare(_:)`` caches them, so running the same SQL
/// again skips parsing.
///
/// ```swift
/// let insert = try database.prepare("INSERT INTO campaign(id, name, status) VALUES (?, ?, ?)")
/// try insert.run(campaign.id, campaign.name, campaign.status)
/// ```
package final class PreparedStatement {
    let handle: OpaquePointer
    let sql: String
    private unowned let database: Database

    init(database: Database, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(code: code, connection: database.handle, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit {
        sqlite3_finalize(self.handle)
    }

    // MARK: Binding

    /// Binds `values` to the parameters in order, after clearing earlier bindings.
    package func bind(_ values: [any SQLBindable]) throws {
        self.reset()
        for (offset, value) in values.enumerated() {
            try value.bind(to: self, at: Int32(offset + 1))
        }
    }

    package func bindText(_ text: String, at index: Int32) throws(SQLiteError) {
        var text = text
        let code = text.withUTF8 { bytes in
            sqlite3_bind_text(self.handle, index, bytes.baseAddress, Int32(bytes.count), sqliteTransient)
        }
        try self.check(code)
    }

    package func bindInteger(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try self.check(sqlite3_bind_int64(self.handle, index, value))
    }

    package func bindNull(at index: Int32) throws(SQLiteError) {
        try self.check(sqlite3_bind_null(self.handle, index))
    }

    // MARK: Running

    /// Binds `values` and runs the statement to completion, for writes.
    package func run(_ values: any SQLBindable...) throws {
        try self.run(values: values)
    }

    /// ``run(_:)`` with the values in an array, for a caller that passes one list to two statements.
    package func run(values: [any SQLBindable]) throws {
        try self.bind(values)
        while try self.step() {}
        self.reset()
    }

    /// Binds `values` and returns every row, each read by `read`.
    package func rows<T>(_ values: any SQLBindable..., read: (Row) throws -> T) throws -> [T] {
        try self.rows(values: values, read: read)
    }

    /// ``rows(_:read:)`` with the values in an array, for a caller handing on values it was given.
    package func rows<T>(values: [any SQLBindable], read: (Row) throws -> T) throws -> [T] {
        try self.bind(values)
        defer { self.reset() }
        var result: [T] = []
        while try self.step() {
            result.append(try read(Row(statement: self)))
        }
        return result
    }

    /// Binds `values` and hands each row to `body` as it is stepped to, without collecting them.
    package func forEachRow(_ values: any SQLBindable..., body: (Row) throws -> Void) throws {
        try self.bind(values)
        defer { self.reset() }
        while try self.step() {
            try body(Row(statement: self))
        }
    }

    /// Binds `values` and returns the first row read by `read`, or `nil` when there is none.
    package func firstRow<T>(_ values: any SQLBindable..., read: (Row) throws -> T) throws -> T? {
        try self.bind(values)
        defer { self.reset() }
        return try self.step() ? try read(Row(statement: self)) : nil
    }

    /// Advances to the next row; `false` when the statement is done.
    package func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(self.handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = SQLiteError(
                code: sqlite3_extended_errcode(self.database.handle),
                connection: self.database.handle,
                sql: self.sql
            )
            sqlite3_reset(self.handle)
            _ = code
            throw error
        }
    }

    /// Makes the statement ready to run again and clears its bindings.
    package func reset() {
        sqlite3_reset(self.handle)
        sqlite3_clear_bindings(self.handle)
    }

    private func check(_ code: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: self.database.handle, sql: self.sql) }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: it copies bound text before the call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
