import Foundation
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryBundles

/// The age v1 stream at the sizes where chunking can go wrong, both ways with Debian's `age`.
struct AgeStreamTests {
    static let sizes = [0, 1, 65_535, 65_536, 65_537, 2 * 65_536, 3 * 65_536 + 7]

    static func encrypt(_ plaintext: [UInt8], for recipients: [AgeRecipient], pieces: Int = 1_000) throws -> [UInt8] {
        var encryptor = try AgeEncryptor(recipients: recipients)
        var output = encryptor.header
        var start = 0
        while start < plaintext.count {
            let end = min(start + pieces, plaintext.count)
            try encryptor.encrypt(Array(plaintext[start..<end])) { output += $0 }
            start = end
        }
        try encryptor.finish { output += $0 }
        return output
    }

    static func decrypt(_ path: String, with key: OfficeEncryptionKey) throws -> [UInt8] {
        let handle = try #require(FileHandle(forReadingAtPath: path))
        let first = Array(try handle.read(upToCount: 100) ?? Data())
        var decryptor = try AgeDecryptor(handle: handle, initial: first, key: key)
        var plaintext: [UInt8] = []
        while let chunk = try decryptor.next() { plaintext += chunk }
        return plaintext
    }

    @Test(arguments: Self.sizes)
    func ourFilesOpenWithAgeAndAgesWithOurs(size: Int) throws {
        let folder = try TemporaryDirectory()
        let key = OfficeEncryptionKey()
        let identity = folder.path("key.txt")
        try "\(key.identity)\n".write(toFile: identity, atomically: true, encoding: .utf8)
        var generator = SeededRandom(seed: UInt64(size) + 1)
        let plaintext = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let plainPath = folder.path("plain")
        try Data(plaintext).write(to: URL(fileURLWithPath: plainPath))

        let ours = folder.path("ours.age")
        try Data(try Self.encrypt(plaintext, for: [OfficeEncryptionKey().recipient, key.recipient])).write(
            to: URL(fileURLWithPath: ours)
        )
        let opened = folder.path("opened")
        try AgeTool.run(["-d", "-i", identity, "-o", opened, ours])
        #expect((fileBytes(opened) ?? Data()) == Data(plaintext))  // age writes no file for nothing
        #expect(try Self.decrypt(ours, with: key) == plaintext)

        let theirs = folder.path("theirs.age")
        try AgeTool.run(["-r", key.recipient.description, "-o", theirs, plainPath])
        #expect(try Self.decrypt(theirs, with: key) == plaintext)
        #expect(throws: EncryptedBundleError.self) { try Self.decrypt(theirs, with: OfficeEncryptionKey()) }
    }

    @Test func headersThatBreakTheGrammarAreRefused() throws {
        let recipient = OfficeEncryptionKey().recipient
        let good = String(
            decoding: try Self.encrypt(Array("hello\n".utf8), for: [recipient]).prefix(200),
            as: UTF8.self
        )
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let broken = [
            "age-encryption.org/v2\n" + lines[1...].joined(separator: "\n"),
            lines[0] + "\n--- " + String(repeating: "A", count: 43) + "\n",  // no recipient
            lines[0] + "\n->  X25519\n" + lines[2...].joined(separator: "\n"),  // empty argument
            lines[0] + "\n" + lines[1] + "\n" + lines[2] + "=\n" + lines[3...].joined(separator: "\n"),  // padding
            lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n--- short\n",
            lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + "+++ what\n",
        ]
        for text in broken {
            #expect(throws: EncryptedBundleError.self) { _ = try AgeHeader.parse(Array(text.utf8)) }
        }
        #expect(try AgeHeader.parse(Array(lines[0...1].joined(separator: "\n").utf8)) == nil)  // incomplete
    }
}
