/// The version of the change format a line is written in: `major.minor`.
///
/// A reader takes every minor version of its major: a later minor only adds fields and kinds,
/// which the reader keeps and relays. Format 1 lines name no version.
///
/// ```swift
/// ChangeFormat(text: "2.0") == .current   // true
/// ```
public struct ChangeFormat: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Lines written before salted values: every value is part of the hash.
    public static let one = ChangeFormat(major: 1, minor: 0)
    /// What this build writes and fully understands.
    public static let current = ChangeFormat(major: 2, minor: 0)

    /// Reads `2.0`; digits only, no leading zeros, each part below 10,000.
    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let major = ChangeFormat.number(parts[0]), let minor = ChangeFormat.number(parts[1]), major >= 2
        else { return nil }
        self.init(major: major, minor: minor)
    }

    private static func number(_ text: Substring) -> Int? {
        guard (1...4).contains(text.count), text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
            text == "0" || text.first != "0"
        else { return nil }
        return Int(text)
    }

    /// `2.0`; `1` for format 1.
    public var description: String { self.major == 1 ? "1" : "\(self.major).\(self.minor)" }

    /// Whether this build can read lines of the format (any minor of its major, and format 1).
    public var isReadable: Bool { self.major == 1 || self.major == ChangeFormat.current.major }

    public static func < (lhs: ChangeFormat, rhs: ChangeFormat) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// The format a line declares at its start (`{"format":"3.0",…`), read even when the rest
    /// of the line is not, so a reader can say which release it needs.
    public static func declared(in line: [UInt8]) -> ChangeFormat? {
        let prefix = Array(#"{"format":""#.utf8)
        guard line.starts(with: prefix) else { return nil }
        let rest = line.dropFirst(prefix.count).prefix(10)
        guard let end = rest.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return ChangeFormat(text: String(decoding: rest[..<end], as: UTF8.self))
    }

    /// Whether `name` could name a field in some format: a letter, then letters and digits, at most 64.
    public static func isFieldName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (1...64).contains(name.utf8.count) else { return false }
        let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        return isLetter(first) && name.utf8.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) }
    }
}
