import Crypto
import Foundation

/// An office's Ed25519 signing key, created by `signatory init`.
///
/// ```swift
/// let keys = OfficeKeys()
/// let signature = try keys.sign("head 42 …")
/// OfficeCard(id: office.id, name: office.name, publicKey: keys.publicKey).verify(signature, of: "head 42 …") // true
/// ```
public struct OfficeKeys: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    public init() {
        self.key = Curve25519.Signing.PrivateKey()
    }

    /// Restores a key from its base64 raw representation.
    public init?(privateKeyBase64: String) {
        guard let data = Data(base64Encoded: privateKeyBase64),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data)
        else { return nil }
        self.key = key
    }

    public var privateKeyBase64: String { self.key.rawRepresentation.base64EncodedString() }
    public var publicKey: String { self.key.publicKey.rawRepresentation.base64EncodedString() }

    /// A base64 Ed25519 signature of `message`.
    public func sign(_ message: String) throws -> String {
        try self.key.signature(for: Data(message.utf8)).base64EncodedString()
    }
}
