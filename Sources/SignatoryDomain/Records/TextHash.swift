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
        guard hex.utf8.count == 64,
            hex.utf8.allSatisfy({
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            })
        else { return nil }
        self.hex = hex
    }

    public var short: String { String(self.hex.prefix(12)) }
    public var description: String { self.hex }

    private static func normalise(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop(while: \.isWhitespace).reversed()) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
