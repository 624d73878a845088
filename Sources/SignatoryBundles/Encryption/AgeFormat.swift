import Crypto
import Foundation

/// Constants and pieces of the age v1 file format (C2SP age.md) shared by
/// ``AgeEncryptor`` and ``AgeDecryptor``.
enum AgeFormat {
    static let versionLine = Array("age-encryption.org/v1\n".utf8)
    static let x25519Label = Data("age-encryption.org/v1/X25519".utf8)
    static let chunkSize = 64 * 1024
    static let tagSize = 16
    static let fileKeySize = 16
    static let nonceSize = 16
    /// A header longer than this is refused rather than buffered (a thousand recipients fit).
    static let maximumHeaderBytes = 256 * 1024

    /// Canonical base64 without padding, as age writes it.
    static func base64(_ bytes: some DataProtocol) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.last == "=" { text.removeLast() }
        return text
    }

    /// The bytes of canonical, unpadded base64, or `nil` for anything else.
    static func bytes(base64 text: Substring) -> [UInt8]? {
        guard !text.contains("=") else { return nil }
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), Self.base64(data) == text else { return nil }
        return Array(data)
    }

    /// The key that wraps the file key for one X25519 recipient.
    static func wrapKey(secret: [UInt8], share: [UInt8], recipient: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret),
            salt: share + recipient,
            info: Self.x25519Label,
            outputByteCount: 32
        )
    }

    static func macKey(fileKey: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: Data(), info: Data("header".utf8), outputByteCount: 32)
    }

    static func payloadKey(fileKey: SymmetricKey, nonce: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: nonce, info: Data("payload".utf8), outputByteCount: 32)
    }

    /// The 12-byte nonce of chunk `counter`: an 11-byte big-endian counter, then 1 for the last chunk.
    static func chunkNonce(_ counter: UInt64, last: Bool) -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { bytes[10 - index] = UInt8(truncatingIfNeeded: counter >> (8 * UInt64(index))) }
        bytes[11] = last ? 1 : 0
        // Twelve bytes is always a valid ChaCha20-Poly1305 nonce.
        return try! ChaChaPoly.Nonce(data: bytes)
    }

    /// ChaCha20-Poly1305 with the all-zero nonce, as stanzas use it.
    static let zeroNonce = try! ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12))
}
