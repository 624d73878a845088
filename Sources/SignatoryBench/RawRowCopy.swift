import CSQLite
import Foundation
import SignatoryStore

/// The baseline for "the same resulting rows": every row a Signatory write left in the feed,
/// merge-state and record tables, inserted again into a fresh database through SQLite's C API,
/// one prepared statement per table, in one transaction, with nothing computed.
enum RawRowCopy {
    static let tables = ["change_log", "entity_state", "record_reference", "organisation"]

    /// Reads the rows from `source`, then times inserting them into `target` (a fresh database
    /// with the same schema). Returns the seconds taken and the number of rows.
    static func time(from source: String, into target: String) throws -> (seconds: Double, rows: Int) {
        var rows: [String: [[String?]]] = [:]
        var columns: [String: Int] = [:]
        let reader = try open(source)
        defer { sqlite3_close_v2(reader) }
        for table in self.tables {
            var statement: OpaquePointer?
            sqlite3_prepare_v2(reader, "SELECT * FROM \(table)", -1, &statement, nil)
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
            for table in self.tables {
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

    private static func open(_ path: String) throws -> OpaquePointer {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot open \(path)")
        }
        return handle
    }
}
