import CSQLite
package import Foundation

/// The current row of a ``PreparedStatement``, read by column index from 0.
package struct Row {
    let statement: PreparedStatement

    package func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(self.statement.handle, column) == SQLITE_NULL
    }

    package func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(self.statement.handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(self.statement.handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    package func optionalText(_ column: Int32) -> String? {
        self.isNull(column) ? nil : self.text(column)
    }

    package func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(self.statement.handle, column)
    }

    package func optionalInteger(_ column: Int32) -> Int64? {
        self.isNull(column) ? nil : self.integer(column)
    }

    package func bool(_ column: Int32) -> Bool {
        self.integer(column) != 0
    }

    /// A date stored as milliseconds since 1970.
    package func date(_ column: Int32) -> Date {
        Date(timeIntervalSince1970: Double(self.integer(column)) / 1000)
    }
}
