import CSQLite
import Foundation

/// The current row of a ``PreparedStatement``, read by column index from 0.
public struct Row {
    let statement: PreparedStatement

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(self.statement.handle, column) == SQLITE_NULL
    }

    public func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(self.statement.handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(self.statement.handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func optionalText(_ column: Int32) -> String? {
        self.isNull(column) ? nil : self.text(column)
    }

    public func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(self.statement.handle, column)
    }

    public func optionalInteger(_ column: Int32) -> Int64? {
        self.isNull(column) ? nil : self.integer(column)
    }

    public func bool(_ column: Int32) -> Bool {
        self.integer(column) != 0
    }

    /// A date stored as milliseconds since 1970.
    public func date(_ column: Int32) -> Date {
        Date(timeIntervalSince1970: Double(self.integer(column)) / 1000)
    }
}
