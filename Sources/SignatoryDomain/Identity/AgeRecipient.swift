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
            text == text.lowercased()
        else { return nil }
        self.rawRepresentation = data
    }

    init(rawRepresentation: [UInt8]) {
        self.rawRepresentation = rawRepresentation
    }

    public var description: String { Bech32.encode(hrp: Self.humanReadablePart, data: self.rawRepresentation) }
}
