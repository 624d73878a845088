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
}
