import Crypto
import Foundation
public import SignatoryDomain

/// Encrypts a stream of bytes for one or more offices in the age v1 format, one 64 KiB chunk at
/// a time, so `age -d -i KEYFILE` or any age implementation decrypts it with an office's key.
///
/// ```swift
/// var encryptor = try AgeEncryptor(recipients: [bucharest])
/// try emit(encryptor.header)
/// try encryptor.encrypt(plaintext, emit: emit)
/// try encryptor.finish(emit: emit)
/// ```
///
/// Memory stays bounded: at most one chunk of plaintext waits, since the last chunk is marked
/// as such and only `finish` knows which one that is.
public struct AgeEncryptor {
    /// The header and the payload's nonce: the first bytes of the file.
    public let header: [UInt8]
    private let payloadKey: SymmetricKey
    private var pending: [UInt8] = []
    private var output: [UInt8] = []
    private var counter: UInt64 = 0

    public init(recipients: [AgeRecipient]) throws {
        guard !recipients.isEmpty else { throw EncryptedBundleError.noRecipients }
        let fileKey = SymmetricKey(size: .bits128)
        var text = AgeFormat.versionLine
        for recipient in recipients {
            guard let (share, secret) = OfficeEncryptionKey.ephemeralAgreement(with: recipient) else {
                throw EncryptedBundleError.malformedHeader("the encryption key \(recipient) cannot be used")
            }
            let wrapKey = AgeFormat.wrapKey(secret: secret, share: share, recipient: recipient.rawRepresentation)
            let sealed = try fileKey.withUnsafeBytes {
                try ChaChaPoly.seal(Data($0), using: wrapKey, nonce: AgeFormat.zeroNonce)
            }
            // 32 bytes of body fit one line shorter than 64 columns.
            text += Array(
                "-> X25519 \(AgeFormat.base64(share))\n\(AgeFormat.base64(sealed.ciphertext + sealed.tag))\n".utf8
            )
        }
        text += Array("---".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: text, using: AgeFormat.macKey(fileKey: fileKey))
        text += Array(" \(AgeFormat.base64(Data(mac)))\n".utf8)
        // 16 bytes from the CSPRNG, as a key of that size is made.
        let nonce = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
        self.header = text + nonce
        self.payloadKey = AgeFormat.payloadKey(fileKey: fileKey, nonce: nonce)
    }

    /// Encrypts `bytes`, handing every chunk known not to be the last one to `emit`.
    public mutating func encrypt(_ bytes: [UInt8], emit: ([UInt8]) throws -> Void) throws {
        self.pending.append(contentsOf: bytes)
        guard self.pending.count > AgeFormat.chunkSize else { return }
        // One output buffer, kept between calls: a fresh one each time costs page faults.
        var output: [UInt8] = []
        swap(&output, &self.output)
        output.removeAll(keepingCapacity: true)
        var start = 0
        while self.pending.count - start > AgeFormat.chunkSize {
            try Self.seal(
                self.pending[start..<start + AgeFormat.chunkSize],
                key: self.payloadKey,
                counter: self.counter,
                last: false,
                into: &output
            )
            self.counter += 1
            start += AgeFormat.chunkSize
        }
        self.pending.removeFirst(start)
        try emit(output)
        swap(&output, &self.output)
    }

    /// Encrypts what is left as the last chunk.
    public mutating func finish(emit: ([UInt8]) throws -> Void) throws {
        var output: [UInt8] = []
        try Self.seal(self.pending[...], key: self.payloadKey, counter: self.counter, last: true, into: &output)
        self.counter += 1
        self.pending = []
        try emit(output)
    }

    private static func seal(
        _ chunk: ArraySlice<UInt8>,
        key: SymmetricKey,
        counter: UInt64,
        last: Bool,
        into output: inout [UInt8]
    ) throws {
        let sealed = try ChaChaPoly.seal(chunk, using: key, nonce: AgeFormat.chunkNonce(counter, last: last))
        output.append(contentsOf: sealed.ciphertext)
        output.append(contentsOf: sealed.tag)
    }
}
