import CSQLite
package import Foundation

/// The current row of a ``PreparedStatement``, read by column index from 0.
package struct Row {
    let statement: PreparedStatement
    /// Where column 0 is: a join reads each table's columns with that table's reader.
    private var offset: Int32 = 0

    init(statement: PreparedStatement) {
        self.statement = statement
    }

    /// The same row, its column 0 at `column`: `row.columns(from: 8)` reads a joined table's columns.
    package func columns(from column: Int32) -> Row {
        var shifted = self
        shifted.offset += column
        return shifted
    }

    package func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(self.statement.handle, column + self.offset) == SQLITE_NULL
    }

    package func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(self.statement.handle, column + self.offset) else { return "" }
        let count = Int(sqlite3_column_bytes(self.statement.handle, column + self.offset))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    package func optionalText(_ column: Int32) -> String? {
        self.isNull(column) ? nil : self.text(column)
    }

    package func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(self.statement.handle, column + self.offset)
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
