/// Lower-case hexadecimal, two digits a byte: hashes, keys and ids are all written this way.
///
/// ```swift
/// Hex.string(SHA256.hash(data: body))   // "9f86d081…"
/// ```
public enum Hex {
    /// The digits, by value.
    package static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        out.append(hex: bytes)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is a SHA-256 digest in its one spelling, 64 lower-case hexadecimal digits,
    /// as change hashes and wording hashes are written.
    public static func isDigest(_ text: String) -> Bool {
        // Checked in place: the import asks this of every signed head it reads.
        text.utf8.count == 64 && text.utf8.allSatisfy { Hex.value($0) != nil }
    }

    /// The bytes of lower-case hexadecimal text; `nil` for anything else (upper case included,
    /// so each value has one spelling).
    public static func bytes(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            guard utf8.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count / 2)
            var index = 0
            while index < utf8.count {
                guard let high = Hex.value(utf8[index]), let low = Hex.value(utf8[index + 1]) else { return nil }
                bytes.append(high << 4 | low)
                index += 2
            }
            return bytes
        }
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
