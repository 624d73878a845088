/// Bech32 (BIP 173), as age writes its keys: `age1…` recipients and `AGE-SECRET-KEY-1…`
/// identities. Unlike BIP 173, age sets no 90-character limit.
enum Bech32 {
    private static let alphabet = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]

    /// `hrp`, "1", the data and a checksum, all lower case.
    static func encode(hrp: String, data: [UInt8]) -> String {
        let hrp = hrp.lowercased()
        let values = Self.regroup(data, from: 8, to: 5, pad: true) ?? []
        let checksum = Self.checksum(hrp: Array(hrp.utf8), values: values)
        return hrp + "1" + String(decoding: (values + checksum).map { Self.alphabet[Int($0)] }, as: UTF8.self)
    }

    /// The human-readable part (lower case) and the data, or `nil` for anything but a valid string
    /// in one case.
    static func decode(_ text: String) -> (hrp: String, data: [UInt8])? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ (33...126).contains($0) }) else { return nil }
        let hasLower = bytes.contains { (97...122).contains($0) }
        let hasUpper = bytes.contains { (65...90).contains($0) }
        guard !(hasLower && hasUpper), let separator = bytes.lastIndex(of: UInt8(ascii: "1")),
            separator > 0, bytes.count - separator > 6
        else { return nil }
        let lowered = Array(text.lowercased().utf8)
        let hrp = Array(lowered[..<separator])
        var values: [UInt8] = []
        for character in lowered[(separator + 1)...] {
            guard let value = Self.alphabet.firstIndex(of: character) else { return nil }
            values.append(UInt8(value))
        }
        guard Self.polymod(Self.expand(hrp) + values) == 1,
            let data = Self.regroup(Array(values.dropLast(6)), from: 5, to: 8, pad: false)
        else { return nil }
        return (String(decoding: hrp, as: UTF8.self), data)
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        var check: UInt32 = 1
        for value in values {
            let top = check >> 25
            check = (check & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where (top >> bit) & 1 == 1 { check ^= Self.generator[bit] }
        }
        return check
    }

    private static func expand(_ hrp: [UInt8]) -> [UInt8] {
        hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
    }

    private static func checksum(hrp: [UInt8], values: [UInt8]) -> [UInt8] {
        let check = Self.polymod(Self.expand(hrp) + values + [0, 0, 0, 0, 0, 0]) ^ 1
        return (0..<6).map { UInt8((check >> (5 * (5 - UInt32($0)))) & 31) }
    }

    private static func regroup(_ data: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
        var accumulator = 0
        var bits = 0
        var result: [UInt8] = []
        let mask = (1 << to) - 1
        for value in data {
            accumulator = accumulator << from | Int(value)
            bits += from
            while bits >= to {
                bits -= to
                result.append(UInt8((accumulator >> bits) & mask))
            }
            accumulator &= (1 << bits) - 1
        }
        if pad {
            if bits > 0 { result.append(UInt8((accumulator << (to - bits)) & mask)) }
        } else if bits >= from || (accumulator << (to - bits)) & mask != 0 {
            return nil
        }
        return result
    }
}
