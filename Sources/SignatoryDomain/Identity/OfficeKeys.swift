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
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else { return nil }
        self.key = key
    }

    public var privateKeyBase64: String { self.key.rawRepresentation.base64EncodedString() }
    public var publicKey: String { self.key.publicKey.rawRepresentation.base64EncodedString() }

    /// A base64 Ed25519 signature of `message`.
    public func sign(_ message: String) throws -> String {
        try self.key.signature(for: Data(message.utf8)).base64EncodedString()
    }
}

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
        return predecessor.verify(succeeds.signature, of: Succession.message(from: predecessor.id, to: self.id, publicKey: self.publicKey))
    }

    public var hasValidKey: Bool {
        Data(base64Encoded: self.publicKey).flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) } != nil
    }

    public func verify(_ signatureBase64: String, of message: String) -> Bool {
        guard let keyData = Data(base64Encoded: self.publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData),
              let signature = Data(base64Encoded: signatureBase64) else { return false }
        return key.isValidSignature(signature, for: Data(message.utf8))
    }
}

/// The statement an office signs about its feed: "my feed is `sequence` long and ends in `hash`".
public struct FeedHead: Hashable, Sendable, Codable {
    public let office: ID<Office>
    public let sequence: Int64
    public let hash: String
    public let signature: String

    public init(office: ID<Office>, sequence: Int64, hash: String, signature: String) {
        self.office = office
        self.sequence = sequence
        self.hash = hash
        self.signature = signature
    }

    /// The exact text that is signed.
    public static func message(office: ID<Office>, sequence: Int64, hash: String) -> String {
        "signatory-feed-head-1\n\(office)\n\(sequence)\n\(hash)"
    }
}
