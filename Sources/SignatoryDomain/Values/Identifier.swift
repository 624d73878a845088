import Crypto
public import Foundation

/// A UUID that knows what it identifies, so an organisation's id cannot be passed where a
/// contact's is expected.
///
/// ```swift
/// let id = ID<Organisation>()
/// print(id) // "3f2c…", lower-case
/// ```
public struct ID<Subject>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) {
        self.uuid = uuid
    }

    /// A new random (version 4) id.
    public init() {
        // Foundation's UUID() opens, reads and closes /dev/urandom for every id on Linux; a bulk
        // import makes thousands.
        var bytes = RandomBytes.next(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        self.uuid = ID.uuid(from: bytes)
    }

    /// Parses the canonical textual form, in either case.
    public init?(_ string: String) {
        // Parsed by hand: UUID(uuidString:) goes through sscanf, and ids are parsed for every row read.
        var bytes = [UInt8](repeating: 0, count: 16)
        var index = 0
        var high: UInt8?
        var count = 0
        for character in string.utf8 {
            count += 1
            if count == 9 || count == 14 || count == 19 || count == 24 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard index < 16 else { return nil }
            if let first = high {
                bytes[index] = first << 4 | nibble
                index += 1
                high = nil
            } else {
                high = nibble
            }
        }
        guard count == 36, index == 16 else { return nil }
        self.uuid = ID.uuid(from: bytes)
    }

    /// The lower-case canonical form, e.g. `3f2c6a1e-…`.
    public var description: String {
        // Formatted by hand: this runs for every id bound or hashed, and uuidString goes through snprintf.
        let hex = Hex.digits
        return withUnsafeBytes(of: self.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    buffer[position] = hex[Int(byte >> 4)]
                    buffer[position + 1] = hex[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }

    /// The id every office computes from the same `name`: a UUID version 8 (RFC 9562) built
    /// from SHA-256, so records that two offices create independently get the same id.
    public static func derived(from name: String) -> ID {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return ID(ID.uuid(from: bytes))
    }

    private static func uuid(from bytes: [UInt8]) -> UUID {
        UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
    }

    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let id = ID(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(string)' is not a UUID")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}
