import Foundation
import SignatoryExport

/// Writing results to standard output and warnings to standard error.
enum Output {
    static func json(_ value: some Encodable) throws {
        StandardStreams.line(try JSONRecord.encode(value))
    }

    /// Prints one line that may hold other people's values or a typed path, neutralised for the
    /// terminal: a line break inside it is shown, not obeyed.
    static func text(_ text: String) {
        StandardStreams.line(TerminalText.neutralised(text, multiline: false))
    }

    /// Prints a text of several lines, such as a statement's wording, neutralised for the terminal.
    static func body(_ text: String) {
        StandardStreams.line(TerminalText.neutralised(text))
    }

    /// Prints each line on one line of its own: a line break inside one (a value read from a
    /// file) is shown, not obeyed.
    static func lines(_ lines: [String]) {
        for line in lines { StandardStreams.line(TerminalText.neutralised(line, multiline: false)) }
    }

    static func created(id: any CustomStringConvertible, json: Bool) throws {
        if json { try self.json(JSONRecord(["id": id.description])) } else { StandardStreams.line(id.description) }
    }

    /// `name: value` lines, with the names aligned.
    static func fields(_ pairs: KeyValuePairs<String, String?>) {
        let width = pairs.map(\.key.count).max() ?? 0
        for (key, value) in pairs {
            StandardStreams.line(
                key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + TerminalText.neutralised(value ?? "-")
            )
        }
    }

    /// Rows of cells, with each column as wide as its widest cell.
    static func table(_ rows: [[String]]) {
        let rows = rows.map { $0.map { TerminalText.neutralised($0, multiline: false) } }
        guard let columns = rows.map(\.count).max() else { return }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                // Padded by characters: `padding(toLength:)` counts UTF-16 units and cut names
                // with combining accents or emoji short.
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            StandardStreams.line(cells.joined(separator: "  "))
        }
    }

    /// A question on standard error, without a line break, for the answer to follow it.
    static func prompt(_ text: String) {
        StandardStreams.writeError(TerminalText.neutralised(text))
    }

    static func warn(_ message: String) {
        StandardStreams.writeError(TerminalText.neutralised(message, multiline: false) + "\n")
    }
}

extension Output {
    /// Whether an `--out` path names standard output, which a command that prints writes as if
    /// `--out` were left out.
    static func isStandardOutput(_ path: String) -> Bool {
        ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(path)
    }
}

extension CustomStringConvertible {
    /// The first 8 characters of an id, as lists show it.
    var shortID: String { String(self.description.prefix(8)) }
}
