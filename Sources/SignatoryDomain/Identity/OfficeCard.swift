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
    /// The office's encryption key as an age recipient (`age1…`); absent on cards from before
    /// encrypted bundles.
    public let recipient: String?
    /// The signing key's signature over ``recipientMessage(office:recipient:)``.
    public let recipientSignature: String?

    public init(
        id: ID<Office>,
        name: String,
        publicKey: String,
        succeeds: Succession? = nil,
        recipient: String? = nil,
        recipientSignature: String? = nil
    ) {
        self.id = id
        self.name = name
        self.publicKey = publicKey
        self.succeeds = succeeds
        self.recipient = recipient
        self.recipientSignature = recipientSignature
    }

    /// The exact text an office signs to vouch for its encryption key.
    public static func recipientMessage(office: ID<Office>, recipient: String) -> String {
        "signatory-recipient-1\n\(office)\n\(recipient)"
    }

    /// What the card says about its encryption key.
    public enum RecipientCheck: Hashable, Sendable {
        /// A card from before encrypted bundles.
        case none
        /// A recipient signed by the card's own signing key.
        case signed(AgeRecipient)
        /// A recipient that is not `age1…`, or a signature without a recipient.
        case malformed
        /// A recipient the card's key did not sign.
        case unsigned
    }

    public var recipientCheck: RecipientCheck {
        guard let text = self.recipient else { return self.recipientSignature == nil ? .none : .malformed }
        guard let recipient = AgeRecipient(text) else { return .malformed }
        guard let signature = self.recipientSignature,
            self.verify(signature, of: Self.recipientMessage(office: self.id, recipient: text))
        else { return .unsigned }
        return .signed(recipient)
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

    /// Whether the card's key is an Ed25519 key in its one base64 spelling. Spelt otherwise (its
    /// last character's unused bits set), the same key would pass for another wherever keys are
    /// compared as text, such as the check for a revoked office's key under another name.
    public var hasValidKey: Bool {
        guard let data = Data(base64Encoded: self.publicKey), data.base64EncodedString() == self.publicKey else {
            return false
        }
        return (try? Curve25519.Signing.PublicKey(rawRepresentation: data)) != nil
    }

    public func verify(_ signatureBase64: String, of message: String) -> Bool {
        guard let keyData = Data(base64Encoded: self.publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData),
            let signature = Data(base64Encoded: signatureBase64)
        else { return false }
        return key.isValidSignature(signature, for: Data(message.utf8))
    }
}
