import Foundation

/// A path or name put into a command the user is told to run, quoted for a POSIX shell so that
/// copying the command works whatever the word holds.
///
/// ```swift
/// ShellWord.quoted("Field Office/office.db")   // 'Field Office/office.db'
/// ShellWord.quoted("office.db")                // office.db
/// ```
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.utf8.allSatisfy { Self.isPlain($0) }
        // Inside single quotes only a single quote is special: it ends the quote, is escaped, and reopens it.
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Bytes no POSIX shell reads as anything but themselves, wherever they stand in a word.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "@%+=:,./_-".utf8.contains(byte)
        }
    }
}
