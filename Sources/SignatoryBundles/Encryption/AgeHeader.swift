import Crypto
import Foundation
import SignatoryDomain

/// The text header of an age v1 file: its recipient stanzas and MAC.
struct AgeHeader {
    struct Stanza {
        let arguments: [Substring]
        let body: [UInt8]
    }

    let stanzas: [Stanza]
    let mac: [UInt8]
    /// The header's bytes up to and including `---`, which the MAC covers.
    let macInputLength: Int
    /// The header's bytes, MAC line included; the payload's nonce follows.
    let length: Int

    /// The header at the start of `bytes`; `nil` when `bytes` ends before the header does.
    /// - Throws: ``EncryptedBundleError`` when the header breaks the format's grammar.
    static func parse(_ bytes: [UInt8]) throws -> AgeHeader? {
        guard bytes.starts(with: AgeFormat.versionLine) else {
            throw EncryptedBundleError.malformedHeader("it is not an age v1 file")
        }
        var position = AgeFormat.versionLine.count
        var stanzas: [Stanza] = []
        // The next line without its newline, as text; `nil` when it has not all been read.
        func line() throws -> Substring? {
            guard let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let slice = bytes[position..<newline]
            guard slice.allSatisfy({ (0x20...0x7e).contains($0) }) else {
                throw EncryptedBundleError.malformedHeader("it holds a byte that is not printable text")
            }
            position = newline + 1
            return Substring(String(decoding: slice, as: UTF8.self))
        }
        while true {
            let lineStart = position
            guard let text = try line() else { return nil }
            if text.hasPrefix("-> ") {
                let arguments = text.dropFirst(3).split(separator: " ", omittingEmptySubsequences: false)
                guard !arguments.isEmpty, arguments.allSatisfy({ !$0.isEmpty }) else {
                    throw EncryptedBundleError.malformedHeader("a recipient line has an empty argument")
                }
                var body = ""
                while true {
                    guard let bodyLine = try line() else { return nil }
                    guard bodyLine.count <= 64 else {
                        throw EncryptedBundleError.malformedHeader("a recipient's body line is longer than 64 columns")
                    }
                    body += bodyLine
                    if bodyLine.count < 64 { break }
                }
                guard let decoded = AgeFormat.bytes(base64: Substring(body)) else {
                    throw EncryptedBundleError.malformedHeader("a recipient's body is not canonical base64")
                }
                stanzas.append(Stanza(arguments: arguments, body: decoded))
            } else if text.hasPrefix("---") {
                guard !stanzas.isEmpty else { throw EncryptedBundleError.malformedHeader("it names no recipient") }
                guard text.count == 47, text.dropFirst(3).first == " ",
                    let mac = AgeFormat.bytes(base64: text.dropFirst(4)), mac.count == 32
                else { throw EncryptedBundleError.malformedHeader("its MAC line is malformed") }
                return AgeHeader(stanzas: stanzas, mac: mac, macInputLength: lineStart + 3, length: position)
            } else {
                throw EncryptedBundleError.malformedHeader("a header line starts with neither '->' nor '---'")
            }
        }
    }

    /// The file key, unwrapped from the X25519 stanza addressed to `key`.
    /// - Throws: ``EncryptedBundleError`` when a stanza is malformed or none is for `key`.
    func fileKey(opening key: OfficeEncryptionKey) throws -> SymmetricKey {
        let recipient = key.recipient.rawRepresentation
        for stanza in self.stanzas where stanza.arguments.first == "X25519" {
            guard stanza.arguments.count == 2, let share = AgeFormat.bytes(base64: stanza.arguments[1]),
                share.count == 32
            else { throw EncryptedBundleError.malformedHeader("an X25519 recipient line is malformed") }
            guard stanza.body.count == 32 else {
                throw EncryptedBundleError.malformedHeader("an X25519 recipient's body is not 32 bytes")
            }
            guard let secret = key.agreement(with: share) else {
                throw EncryptedBundleError.malformedHeader("an X25519 recipient's share is not a usable key")
            }
            let wrapKey = AgeFormat.wrapKey(secret: secret, share: share, recipient: recipient)
            guard
                let box = try? ChaChaPoly.SealedBox(
                    nonce: AgeFormat.zeroNonce,
                    ciphertext: stanza.body.prefix(16),
                    tag: stanza.body.suffix(16)
                ),
                let fileKey = try? ChaChaPoly.open(box, using: wrapKey)
            else { continue }
            return SymmetricKey(data: fileKey)
        }
        throw EncryptedBundleError.notForThisOffice
    }
}
