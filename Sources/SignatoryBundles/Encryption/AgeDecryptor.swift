import Crypto
import Foundation
import SignatoryDomain

/// Decrypts an age v1 file with an office's X25519 key, one 64 KiB chunk at a time, so a bundle
/// of any size opens in bounded memory. Every chunk is authenticated before it is returned, and
/// a file that ends before its last chunk is refused at its end: an importer that applies
/// everything in one transaction therefore applies nothing of a damaged file.
struct AgeDecryptor: Sendable {
    private let handle: FileHandle
    private let payloadKey: SymmetricKey
    private var pending: [UInt8]
    private var start = 0
    private var atEnd = false
    private var finished = false
    private var counter: UInt64 = 0

    private static let sealedChunkSize = AgeFormat.chunkSize + AgeFormat.tagSize
    private static let armorLine = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)

    /// Whether a file's first bytes are those of an age file, binary or armored.
    static func isEncrypted(_ prefix: [UInt8]) -> Bool {
        prefix.starts(with: AgeFormat.versionLine) || prefix.starts(with: Self.armorLine)
    }

    /// Reads the header from `initial` (the file's first bytes) and `handle`, and opens the file key.
    init(handle: FileHandle, initial: [UInt8], key: OfficeEncryptionKey) throws {
        guard !initial.starts(with: Self.armorLine) else {
            throw EncryptedBundleError.malformedHeader(
                "it is ASCII-armored; give the binary file (age without --armor)"
            )
        }
        var pending = initial
        var atEnd = false
        var parsed = try AgeHeader.parse(pending)
        while parsed == nil {
            guard pending.count < AgeFormat.maximumHeaderBytes, try Self.fill(&pending, from: handle, atEnd: &atEnd)
            else {
                throw EncryptedBundleError.malformedHeader(
                    atEnd ? "the file ends inside its header" : "the header is too long"
                )
            }
            parsed = try AgeHeader.parse(pending)
        }
        guard let header = parsed else { throw EncryptedBundleError.malformedHeader("it has no header") }
        let fileKey = try header.fileKey(opening: key)
        guard
            HMAC<SHA256>.isValidAuthenticationCode(
                header.mac,
                authenticating: pending[..<header.macInputLength],
                using: AgeFormat.macKey(fileKey: fileKey)
            )
        else { throw EncryptedBundleError.damaged("its header does not match its check") }
        while pending.count - header.length < AgeFormat.nonceSize {
            guard try Self.fill(&pending, from: handle, atEnd: &atEnd) else {
                throw EncryptedBundleError.damaged("it ends before its payload")
            }
        }
        let nonce = Array(pending[header.length..<header.length + AgeFormat.nonceSize])
        self.handle = handle
        self.pending = pending
        self.atEnd = atEnd
        self.start = header.length + AgeFormat.nonceSize
        self.payloadKey = AgeFormat.payloadKey(fileKey: fileKey, nonce: nonce)
    }

    /// The next chunk of plaintext, or `nil` after the last one.
    mutating func next() throws -> [UInt8]? {
        guard !self.finished else { return nil }
        while self.pending.count - self.start <= Self.sealedChunkSize, try self.fill() {}
        let available = self.pending.count - self.start
        let last = available <= Self.sealedChunkSize
        guard available >= AgeFormat.tagSize else {
            throw EncryptedBundleError.damaged("it ends before its last part")
        }
        let length = last ? available : Self.sealedChunkSize
        let sealed = self.pending[self.start..<self.start + length]
        let plaintext: Data
        do {
            let box = try ChaChaPoly.SealedBox(
                nonce: AgeFormat.chunkNonce(self.counter, last: last),
                ciphertext: sealed.dropLast(AgeFormat.tagSize),
                tag: sealed.suffix(AgeFormat.tagSize)
            )
            plaintext = try ChaChaPoly.open(box, using: self.payloadKey)
        } catch {
            // A full chunk that fails as the last one is most likely followed by a missing part.
            throw EncryptedBundleError.damaged(
                last && length == Self.sealedChunkSize
                    ? "it ends before its last part" : "part \(self.counter + 1) fails its check"
            )
        }
        if last && plaintext.isEmpty && self.counter > 0 {
            throw EncryptedBundleError.damaged("its last part is empty")
        }
        self.start += length
        self.counter += 1
        self.finished = last
        return Array(plaintext)
    }

    /// Reads more of the file; `false` at its end.
    private mutating func fill() throws -> Bool {
        // Drop consumed bytes only when they are most of the buffer, so each byte moves O(1) times.
        if self.start > 0 && self.start >= self.pending.count / 2 {
            self.pending.removeFirst(self.start)
            self.start = 0
        }
        return try Self.fill(&self.pending, from: self.handle, atEnd: &self.atEnd)
    }

    private static func fill(_ pending: inout [UInt8], from handle: FileHandle, atEnd: inout Bool) throws -> Bool {
        guard !atEnd else { return false }
        let chunk: Data
        do {
            chunk = try handle.read(upToCount: 1 << 20) ?? Data()
        } catch {
            throw SyncError.unreadable("", "the file could not be read")
        }
        guard !chunk.isEmpty else {
            atEnd = true
            return false
        }
        pending.append(contentsOf: chunk)
        return true
    }
}
