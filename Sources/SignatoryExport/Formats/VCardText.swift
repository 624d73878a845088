import Foundation

/// The text rules of vCard 4.0 (RFC 6350 §3.2 and §3.4): escaped values and content lines folded
/// at 75 octets with CRLF and a space, never inside a UTF-8 character.
///
/// ```swift
/// var sink = ByteSink()
/// VCardText.line("ORG", VCardText.escape("Friends of Dharma; Asia"), to: &sink)   // ORG:Friends of Dharma\; Asia\r\n
/// ```
enum VCardText {
    static let maximumLineOctets = 75

    /// Escapes a text value: backslash, comma and semicolon get a backslash; a line break becomes `\n`.
    static func escape(_ text: String) -> String {
        // Most values need nothing: check the bytes before building a new string.
        guard text.utf8.contains(where: { self.escaping($0, afterCR: false) != .asItIs }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch self.escaping(byte, afterCR: previous == 0x0D) {
            case .asItIs: bytes.append(byte)
            case .escaped(let letter): bytes.append(contentsOf: [0x5C, letter])
            case .dropped: break
            }
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What escaping does to one byte of a value.
    private enum Escaping: Equatable {
        case asItIs
        /// A backslash, then this letter.
        case escaped(UInt8)
        /// The LF of a CRLF: the CR already wrote the line break.
        case dropped
    }

    private static func escaping(_ byte: UInt8, afterCR: Bool) -> Escaping {
        switch byte {
        case 0x5C, 0x2C, 0x3B: return .escaped(byte)  // \ , ;
        case 0x0D: return .escaped(UInt8(ascii: "n"))
        case 0x0A: return afterCR ? .dropped : .escaped(UInt8(ascii: "n"))
        default: return .asItIs
        }
    }

    /// Writes `NAME:value` folded to lines of at most 75 octets.
    static func line(_ name: StaticString, _ value: String, to sink: inout ByteSink) {
        self.write(name, value, escaping: false, to: &sink)
    }

    /// Writes `NAME:value` with the value escaped as ``escape(_:)`` does, folded as
    /// ``line(_:_:to:)`` folds, without an escaped copy of the value: a sheet writes several per
    /// card. A backslash and the character it escapes stay on one line.
    static func line(_ name: StaticString, escaping value: String, to sink: inout ByteSink) {
        self.write(name, value, escaping: true, to: &sink)
    }

    private static func write(_ name: StaticString, _ value: String, escaping: Bool, to sink: inout ByteSink) {
        var value = value
        value.withUTF8 { valueBytes in
            name.withUTF8Buffer { nameBytes in
                sink.append(bytes: nameBytes)
                sink.append(byte: UInt8(ascii: ":"))
                if !escaping && nameBytes.count + 1 + valueBytes.count <= self.maximumLineOctets {
                    sink.append(bytes: valueBytes)
                    sink.append(byte: 0x0D)
                    sink.append(byte: 0x0A)
                    return
                }
                var length = nameBytes.count + 1
                var index = 0
                while index < valueBytes.count {
                    let byte = valueBytes[index]
                    var escaped: UInt8?
                    if escaping {
                        switch self.escaping(byte, afterCR: index > 0 && valueBytes[index - 1] == 0x0D) {
                        case .asItIs: break
                        case .escaped(let letter): escaped = letter
                        case .dropped:
                            index += 1
                            continue
                        }
                    }
                    // A character's length from its first byte, so a fold never splits it.
                    let width =
                        escaped != nil
                        ? 2 : byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                    if length + width > self.maximumLineOctets {
                        sink.append(byte: 0x0D)
                        sink.append(byte: 0x0A)
                        sink.append(byte: UInt8(ascii: " "))
                        length = 1
                    }
                    if let escaped {
                        sink.append(byte: 0x5C)
                        sink.append(byte: escaped)
                        index += 1
                    } else {
                        for offset in 0..<min(width, valueBytes.count - index) {
                            sink.append(byte: valueBytes[index + offset])
                        }
                        index += width
                    }
                    length += width
                }
                sink.append(byte: 0x0D)
                sink.append(byte: 0x0A)
                // Bytes appended one by one are handed on only from here.
                sink.deliverIfFull()
            }
        }
    }

    /// A `REV` timestamp: `20261129T124500Z`.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = CivilDate.from(daysSince1970: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)\(two(month))\(two(day))T\(two(time / 3600))\(two(time / 60 % 60))\(two(time % 60))Z"
    }
}

/// Gregorian dates from day counts (Howard Hinnant's `civil_from_days`), free of locale and time zone.
enum CivilDate {
    static func from(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
