import Crypto
import Foundation

/// The SHA-256 of a statement's wording: what a signature says was signed.
///
/// Line endings and trailing white space do not count, so the same words pasted from
/// another editor hash the same.
///
/// ```swift
/// let hash = TextHash(title: "Leave no one behind", body: "…", language: try LanguageTag("en"))
/// print(hash.short) // first 12 hex digits, enough for people to compare
/// ```
public struct TextHash: Hashable, Sendable, CustomStringConvertible, Codable {
    public let hex: String

    public init(title: String, body: String, language: LanguageTag) {
        let canonical = [language.tag, TextHash.normalise(title), TextHash.normalise(body)].joined(
            separator: "\n\u{1F}\n"
        )
        let digest = SHA256.hash(data: Data(canonical.utf8))
        self.hex = Hex.string(digest)
    }

    /// A stored hash; `nil` unless it is 64 lower-case hex digits.
    public init?(hex: String) {
        guard Hex.isDigest(hex) else { return nil }
        self.hex = hex
    }

    public var short: String { String(self.hex.prefix(12)) }
    public var description: String { self.hex }

    private static func normalise(_ text: String) -> String {
        // Foundation's replacement, which other programs' hashes may have matched, only where it
        // can change something: it converts the whole text to UTF-16 and back.
        let unixLines =
            text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let lines: [Substring]
        if unixLines.utf8.contains(UInt8(ascii: "\r")) {
            // A carriage return left (as in "\r\r\n") joins the line feed after it into one
            // character, which is not a line feed: split by characters.
            lines = unixLines.split(separator: "\n", omittingEmptySubsequences: false)
        } else {
            // Otherwise every line feed byte is a character of its own: split by bytes.
            lines = unixLines.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { Substring($0) }
        }
        let joined =
            lines
            // Sliced where the last non-space character ends: rebuilding the line from its
            // reversed characters took half a second for a line of a megabyte.
            .map { line in line.lastIndex { !$0.isWhitespace }.map { String(line[...$0]) } ?? "" }
            .joined(separator: "\n")
        return Self.trimmed(joined)
    }

    /// The text without the white space and line breaks at either end, scalar by scalar as
    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`, without copying the text
    /// into UTF-16 and back.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let spaces = CharacterSet.whitespacesAndNewlines
        guard let first = scalars.firstIndex(where: { !spaces.contains($0) }),
            let last = scalars.lastIndex(where: { !spaces.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
