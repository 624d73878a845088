import Crypto
import Foundation

/// What an office shares so that others can trust its feed: `signatory office card` prints it.
public struct OfficeCard: Hashable, Sendable, Codable {
    public let id: ID<Office>
    public let name: String
    /// Base64 of the raw 32-byte Ed25519 public key.
    public let publicKey: String
    /// The office this one continues, when it was recovered from a forked feed.
    public let succeeds: Succession?

    public init(id: ID<Office>, name: String, publicKey: String, succeeds: Succession? = nil) {
        self.id = id
        self.name = name
        self.publicKey = publicKey
        self.succeeds = succeeds
    }

    /// A statement, signed with an earlier identity's key, that this card's office continues it.
    public struct Succession: Hashable, Sendable, Codable {
        public let office: ID<Office>
        /// The earlier key's signature over ``message(from:to:publicKey:)``.
        public let signature: String

        public init(office: ID<Office>, signature: String) {
            self.office = office
            self.signature = signature
        }

        /// The exact text the earlier identity signs.
        public static func message(from old: ID<Office>, to new: ID<Office>, publicKey: String) -> String {
            "signatory-succession-1\n\(old)\n\(new)\n\(publicKey)"
        }
    }

    /// Whether `predecessor`'s key signed that this card continues it.
    public func isSuccessor(of predecessor: OfficeCard) -> Bool {
        guard let succeeds = self.succeeds, succeeds.office == predecessor.id else { return false }
        return predecessor.verify(
            succeeds.signature,
            of: Succession.message(from: predecessor.id, to: self.id, publicKey: self.publicKey)
        )
    }

    public var hasValidKey: Bool {
        Data(base64Encoded: self.publicKey).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) } != nil
    }

    public func verify(_ signatureBase64: String, of message: String) -> Bool {
        guard let keyData = Data(base64Encoded: self.publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData),
            let signature = Data(base64Encoded: signatureBase64)
        else { return false }
        return key.isValidSignature(signature, for: Data(message.utf8))
    }
}
