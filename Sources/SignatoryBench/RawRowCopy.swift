import CSQLite
import Foundation
import SignatoryStore

/// The baseline for "the same resulting rows": every row a Signatory write left in the feed,
/// merge-state and record tables, inserted again into a fresh database through SQLite's C API,
/// one prepared statement per table, in one transaction, with nothing computed.
enum RawRowCopy {
    /// What a received organisation leaves, parents before children so foreign keys hold.
    static let organisationTables = ["change_log", "entity_state", "record_reference", "organisation"]
    /// What a sign-on row leaves: an organisation, a contact and a signature.
    static let signOnTables = [
        "change_log", "entity_state", "record_reference", "contact_change", "organisation", "contact", "signature",
    ]

    /// Reads the rows of `tables` from `source`, then times inserting them into `target` (a
    /// database with the same schema) in one transaction. With `base`, the database `source`
    /// was before the write being matched, only the rows it lacks are copied, and `target`
    /// should be a copy of it. Returns the seconds taken and the number of rows.
    static func time(
        from source: String,
        into target: String,
        tables: [String] = organisationTables,
        newSince base: String? = nil
    ) throws -> (seconds: Double, rows: Int) {
        var rows: [String: [[String?]]] = [:]
        var columns: [String: Int] = [:]
        let reader = try open(source)
        defer { sqlite3_close_v2(reader) }
        if let base {
            try check(reader, sqlite3_exec(reader, "ATTACH '\(base)' AS base", nil, nil, nil))
        }
        for table in tables {
            var statement: OpaquePointer?
            try check(
                reader,
                sqlite3_prepare_v2(reader, try self.newRows(table, reader, base != nil), -1, &statement, nil)
            )
            let count = Int(sqlite3_column_count(statement))
            columns[table] = count
            var tableRows: [[String?]] = []
            while sqlite3_step(statement) == SQLITE_ROW {
                tableRows.append(
                    (0..<count).map { column in
                        sqlite3_column_type(statement, Int32(column)) == SQLITE_NULL
                            ? nil : String(cString: sqlite3_column_text(statement, Int32(column)))
                    }
                )
            }
            sqlite3_finalize(statement)
            rows[table] = tableRows
        }
        let writer = try open(target)
        defer { sqlite3_close_v2(writer) }
        sqlite3_exec(writer, "PRAGMA foreign_keys = ON", nil, nil, nil)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let seconds = try measure {
            sqlite3_exec(writer, "BEGIN IMMEDIATE", nil, nil, nil)
            for table in tables {
                let count = columns[table]!
                var statement: OpaquePointer?
                let placeholders = Array(repeating: "?", count: count).joined(separator: ", ")
                sqlite3_prepare_v2(writer, "INSERT INTO \(table) VALUES (\(placeholders))", -1, &statement, nil)
                for row in rows[table]! {
                    for (index, value) in row.enumerated() {
                        if let value {
                            sqlite3_bind_text(statement, Int32(index + 1), value, -1, transient)
                        } else {
                            sqlite3_bind_null(statement, Int32(index + 1))
                        }
                    }
                    guard sqlite3_step(statement) == SQLITE_DONE else {
                        throw SQLiteError(
                            code: sqlite3_errcode(writer),
                            message: String(cString: sqlite3_errmsg(writer))
                        )
                    }
                    sqlite3_reset(statement)
                }
                sqlite3_finalize(statement)
            }
            sqlite3_exec(writer, "COMMIT", nil, nil, nil)
        }
        return (seconds, rows.values.reduce(0) { $0 + $1.count })
    }

    /// The query for a table's rows, in the order they were written: by rowid, so a rowid table's
    /// indexes are filled as the write filled them; a `WITHOUT ROWID` table in key order.
    private static func newRows(_ table: String, _ reader: OpaquePointer, _ sinceBase: Bool) throws -> String {
        guard sinceBase else { return "SELECT * FROM \(table)" }
        var statement: OpaquePointer?
        try check(
            reader,
            sqlite3_prepare_v2(reader, "SELECT sql FROM main.sqlite_master WHERE name = ?", -1, &statement, nil)
        )
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_text(statement, 1, table, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        guard sqlite3_step(statement) == SQLITE_ROW else { throw BenchFailure("no table \(table)") }
        let withoutRowID = String(cString: sqlite3_column_text(statement, 0)).uppercased().contains("WITHOUT ROWID")
        return withoutRowID
            ? "SELECT * FROM main.\(table) EXCEPT SELECT * FROM base.\(table)"
            : "SELECT * FROM main.\(table) WHERE rowid > (SELECT coalesce(max(rowid), 0) FROM base.\(table)) ORDER BY rowid"
    }

    private static func check(_ handle: OpaquePointer, _ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
        }
    }

    private static func open(_ path: String) throws -> OpaquePointer {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot open \(path)")
        }
        return handle
    }
}
