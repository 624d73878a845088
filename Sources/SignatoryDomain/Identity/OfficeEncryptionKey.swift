import Crypto
import Foundation

/// An office's X25519 encryption key, beside its Ed25519 signing key: bundles for the office
/// are encrypted for its ``recipient`` in the age v1 format, and only this key opens them.
///
/// ```swift
/// let key = OfficeEncryptionKey()
/// print(key.recipient)   // age1…, on the office's card
/// print(key.identity)    // AGE-SECRET-KEY-1…, what `age -d -i` reads
/// ```
public struct OfficeEncryptionKey: Sendable {
    private let key: Curve25519.KeyAgreement.PrivateKey

    static let humanReadablePart = "AGE-SECRET-KEY-"

    public init() {
        self.key = Curve25519.KeyAgreement.PrivateKey()
    }

    /// Restores a key from its age identity string, `AGE-SECRET-KEY-1…`.
    public init?(identity: String) {
        guard let (hrp, data) = Bech32.decode(identity), hrp == Self.humanReadablePart.lowercased(),
            identity == identity.uppercased(), data.count == 32,
            let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data)
        else { return nil }
        self.key = key
    }

    /// The age identity string, upper case as `age-keygen` writes it.
    public var identity: String {
        Bech32.encode(hrp: Self.humanReadablePart, data: Array(self.key.rawRepresentation)).uppercased()
    }

    public var recipient: AgeRecipient { AgeRecipient(rawRepresentation: Array(self.key.publicKey.rawRepresentation)) }

    /// X25519 of this key and `share`, or `nil` when `share` is not 32 bytes or is a low-order
    /// point (the result would be all zeros, which age requires refusing).
    package func agreement(with share: [UInt8]) -> [UInt8]? {
        Self.agreement(self.key, share)
    }

    /// A fresh ephemeral key's public share and its X25519 agreement with `recipient`, as an age
    /// X25519 stanza needs; `nil` when `recipient` is a low-order point.
    package static func ephemeralAgreement(with recipient: AgeRecipient) -> (share: [UInt8], secret: [UInt8])? {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        guard let secret = Self.agreement(ephemeral, recipient.rawRepresentation) else { return nil }
        return (Array(ephemeral.publicKey.rawRepresentation), secret)
    }

    // swift-crypto does not refuse an all-zero result itself.
    private static func agreement(_ key: Curve25519.KeyAgreement.PrivateKey, _ share: [UInt8]) -> [UInt8]? {
        guard let point = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share),
            let secret = try? key.sharedSecretFromKeyAgreement(with: point)
        else { return nil }
        let bytes = secret.withUnsafeBytes { Array($0) }
        return bytes.allSatisfy { $0 == 0 } ? nil : bytes
    }
}
