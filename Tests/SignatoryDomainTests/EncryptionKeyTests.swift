import Foundation
import Testing

@testable import SignatoryDomain

struct EncryptionKeyTests {
    /// The X25519 example of the age specification (C2SP age.md), checked with `age-keygen -y`.
    @Test func theSpecificationsKeyGivesItsRecipient() throws {
        let key = try #require(
            OfficeEncryptionKey(identity: "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
        )
        #expect(key.recipient.description == "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")
        #expect(key.identity == "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
        #expect(AgeRecipient(key.recipient.description) == key.recipient)
    }

    @Test func malformedKeysAreRefused() {
        let recipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
        #expect(AgeRecipient(recipient) != nil)
        #expect(AgeRecipient(recipient.uppercased()) == nil)  // a recipient is written in lower case
        #expect(AgeRecipient(String(recipient.dropLast()) + "k") == nil)  // checksum
        #expect(AgeRecipient("age1") == nil)
        #expect(AgeRecipient("ageX" + recipient.dropFirst(4)) == nil)
        #expect(AgeRecipient("agE1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj") == nil)  // mixed case
        #expect(OfficeEncryptionKey(identity: recipient) == nil)
        #expect(OfficeEncryptionKey(identity: "AGE-SECRET-KEY-1") == nil)
        let fresh = OfficeEncryptionKey()
        #expect(OfficeEncryptionKey(identity: fresh.identity)?.recipient == fresh.recipient)
        #expect(OfficeEncryptionKey(identity: fresh.identity.lowercased()) == nil)
    }

    @Test func aCardVouchesForItsRecipientWithItsSigningKey() throws {
        let keys = OfficeKeys()
        let id = ID<Office>()
        let recipient = OfficeEncryptionKey().recipient.description
        let signature = try keys.sign(OfficeCard.recipientMessage(office: id, recipient: recipient))
        func card(_ recipient: String?, _ signature: String?) -> OfficeCard {
            OfficeCard(
                id: id,
                name: "Geneva",
                publicKey: keys.publicKey,
                recipient: recipient,
                recipientSignature: signature
            )
        }
        #expect(card(recipient, signature).recipientCheck == .signed(AgeRecipient(recipient)!))
        #expect(card(nil, nil).recipientCheck == .none)
        #expect(card(nil, signature).recipientCheck == .malformed)
        #expect(card("age1nope", signature).recipientCheck == .malformed)
        #expect(card(recipient, nil).recipientCheck == .unsigned)
        let other = OfficeEncryptionKey().recipient.description
        #expect(card(other, signature).recipientCheck == .unsigned)
        // The signature names the office: another office's card cannot reuse it.
        let moved = OfficeCard(
            id: ID<Office>(),
            name: "Geneva",
            publicKey: keys.publicKey,
            recipient: recipient,
            recipientSignature: signature
        )
        #expect(moved.recipientCheck == .unsigned)
    }

    /// A key whose last base64 character has its unused bits set decodes to the same key: such a
    /// card is refused, or a revoked office's key could be trusted again under another name
    /// (hostile review 66).
    @Test func aKeyIsTakenOnlyInItsOneSpelling() throws {
        let key = OfficeKeys().publicKey
        let card = OfficeCard(id: ID(), name: "Bucharest", publicKey: key)
        #expect(card.hasValidKey)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var characters = Array(key)
        let last = try #require(alphabet.firstIndex(of: characters[42]))
        #expect(last % 4 == 0)
        characters[42] = alphabet[last + 1]
        let respelt = String(characters)
        #expect(Data(base64Encoded: respelt) == Data(base64Encoded: key))
        #expect(!OfficeCard(id: ID(), name: "Bucharest", publicKey: respelt).hasValidKey)
        #expect(!OfficeCard(id: ID(), name: "Bucharest", publicKey: String(key.dropLast())).hasValidKey)
    }

    /// X25519 ignores a key's top bit and reduces it modulo p: such spellings of a key are
    /// refused, or a revoked office's encryption key could be trusted under a new name, its
    /// secret still opening what is encrypted for it (hostile review 67).
    @Test func anEncryptionKeyIsTakenOnlyInItsOneSpelling() throws {
        let recipient = try #require(AgeRecipient("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"))
        var topBit = recipient.rawRepresentation
        topBit[31] |= 0x80
        #expect(AgeRecipient(AgeRecipient(rawRepresentation: topBit).description) == nil)
        // p itself, and p + 1, are 0 and 1 again.
        let p: [UInt8] = [0xed] + Array(repeating: 0xff, count: 30) + [0x7f]
        var pPlusOne = p
        pPlusOne[0] = 0xee
        #expect(AgeRecipient(AgeRecipient(rawRepresentation: p).description) == nil)
        #expect(AgeRecipient(AgeRecipient(rawRepresentation: pPlusOne).description) == nil)
        // The largest key below p is one.
        var belowP = p
        belowP[0] = 0xec
        #expect(AgeRecipient(AgeRecipient(rawRepresentation: belowP).description) != nil)
    }
}
