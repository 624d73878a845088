import Foundation
import SignatoryExport

/// A path put into a command the user is told to run, written as one word for a shell, so that
/// the command pasted names the same file whatever the path holds.
///
/// ```swift
/// ShellWord.path("Field Office/office.db")   // 'Field Office/office.db'
/// ShellWord.path("-old.db")                  // ./-old.db
/// ShellWord.path("office\n.db")              // $'office\x0A.db'
/// ```
enum ShellWord {
    static func path(_ path: String) -> String {
        // A word that starts with "-" is read as an option: "./" names the same file.
        let path = path.hasPrefix("-") ? "./" + path : path
        if !path.isEmpty && path.utf8.allSatisfy({ Self.isPlain($0) }) { return path }
        guard path.unicodeScalars.contains(where: TerminalText.isEscapedOnOneLine) else {
            // Inside single quotes only a single quote is special: it ends the quote, is escaped, and reopens it.
            return "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }
        // What the terminal must not be sent (a line break, an escape, a bidi override) is spelt
        // out in bash's $'…', byte by byte, so the line stays one line and pastes as the same path.
        var word = "$'"
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\\": word += #"\\"#
            case "'": word += #"\'"#
            case _ where TerminalText.isEscapedOnOneLine(scalar):
                for byte in String(scalar).utf8 { word += String(format: #"\x%02X"#, byte) }
            default: word.unicodeScalars.append(scalar)
            }
        }
        return word + "'"
    }

    /// Bytes no shell reads as anything but themselves, wherever they stand in a word.
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
