public import Foundation

/// A hybrid logical clock reading (Kulkarni et al., 2014): physical milliseconds, a counter
/// for events within the same millisecond, and the office as the final tie-break, so no two
/// changes anywhere share a timestamp.
///
/// The text form sorts like the timestamp itself, so SQLite can compare it:
///
/// ```swift
/// let t = HybridTimestamp(physical: 1_785_000_000_000, counter: 2, office: geneva.id)
/// t.text // "001785000000000.000002.<office id>"
/// ```
public struct HybridTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let physical: Int64
    public let counter: Int
    /// The largest counter the six-digit text form holds.
    public static let maximumCounter = 999_999
    public let office: ID<Office>
    /// The sortable text form, kept because changes are compared and stored by it.
    public let text: String

    public init(physical: Int64, counter: Int, office: ID<Office>) {
        self.physical = physical
        self.counter = counter
        self.office = office
        // Built as bytes: a timestamp is made for every change written or read.
        var text: [UInt8] = []
        text.reserveCapacity(59)
        text.append(decimal: physical, zeroPaddedTo: 15)
        text.append(UInt8(ascii: "."))
        text.append(decimal: counter, zeroPaddedTo: 6)
        text.append(UInt8(ascii: "."))
        text.append(contentsOf: office.description.utf8)
        self.text = String(decoding: text, as: UTF8.self)
    }

    /// Parses the text form; `nil` unless it is exactly what ``text`` would print.
    public init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 59, bytes[15] == UInt8(ascii: "."), bytes[22] == UInt8(ascii: "."),
            bytes[0..<15].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[16..<22].allSatisfy({ $0 >= 48 && $0 <= 57 }),
            bytes[23...].allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || $0 == UInt8(ascii: "-") }),
            let physical = Int64(String(decoding: bytes[0..<15], as: UTF8.self)),
            let counter = Int(String(decoding: bytes[16..<22], as: UTF8.self)),
            let office = ID<Office>(String(decoding: bytes[23...], as: UTF8.self))
        else { return nil }
        self.physical = physical
        self.counter = counter
        self.office = office
        self.text = text
    }

    public static func == (lhs: HybridTimestamp, rhs: HybridTimestamp) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(self.text) }

    public var description: String { self.text }

    /// The wall-clock time of the reading.
    public var date: Date { Date(timeIntervalSince1970: Double(self.physical) / 1000) }

    /// The text form sorts exactly like (physical, counter, office).
    public static func < (lhs: HybridTimestamp, rhs: HybridTimestamp) -> Bool { lhs.text < rhs.text }

    /// The next local reading: never behind `last`, never behind the wall clock.
    public static func next(after last: HybridTimestamp?, now: Int64, office: ID<Office>) -> HybridTimestamp {
        guard let last, last.physical >= now else { return HybridTimestamp(physical: now, counter: 0, office: office) }
        // The counter has six digits in the text form; past them the reading moves on a millisecond.
        guard last.counter < Self.maximumCounter else {
            return HybridTimestamp(physical: last.physical + 1, counter: 0, office: office)
        }
        return HybridTimestamp(physical: last.physical, counter: last.counter + 1, office: office)
    }
}
