/// The public half of an office's encryption key, written as age writes X25519 recipients
/// (`age1…`, Bech32): `age -r age1…` encrypts a file that the office can import.
///
/// ```swift
/// let recipient = AgeRecipient("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")
/// recipient?.rawRepresentation.count   // 32
/// ```
public struct AgeRecipient: Hashable, Sendable, CustomStringConvertible {
    /// The raw 32-byte X25519 public key.
    public let rawRepresentation: [UInt8]

    static let humanReadablePart = "age"

    public init?(_ text: String) {
        guard let (hrp, data) = Bech32.decode(text), hrp == Self.humanReadablePart, data.count == 32,
            text == text.lowercased(), Self.isCanonical(data)
        else { return nil }
        self.rawRepresentation = data
    }

    /// Whether `key` is the one encoding of its X25519 point: X25519 ignores the top bit and
    /// reduces modulo p = 2^255 - 19, so a key with the top bit set or at least p is another
    /// spelling of a key that the same secret opens, which would pass for a new key wherever
    /// keys are compared (a revoked office's key under another name). Keys that keygen makes
    /// are always canonical.
    static func isCanonical(_ key: [UInt8]) -> Bool {
        guard key.count == 32, key[31] & 0x80 == 0 else { return false }
        // Little-endian: at least p means 0x7f, then thirty 0xff, then a first byte of 0xed or more.
        let atLeastP = key[31] == 0x7f && key[1...30].allSatisfy { $0 == 0xff } && key[0] >= 0xed
        return !atLeastP
    }

    init(rawRepresentation: [UInt8]) {
        self.rawRepresentation = rawRepresentation
    }

    public var description: String { Bech32.encode(hrp: Self.humanReadablePart, data: self.rawRepresentation) }
}
