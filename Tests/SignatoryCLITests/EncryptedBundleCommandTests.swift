import Foundation
import TestSupport
import Testing

/// Bundles encrypted for their offices, checked against Debian's `age` both ways.
struct EncryptedBundleCommandTests {
    static func card(of office: OfficeFixture) throws -> [String: Any] {
        let text = try office.succeed(["office", "card"])
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func recipient(of office: OfficeFixture) throws -> String {
        try #require(try Self.card(of: office)["recipient"] as? String)
    }

    @Test func aBundleForAnOfficeDecryptsWithAgeAndItsExportedKey() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        _ = try geneva.addReferenceStatement()
        let bundle = geneva.folder.path("for-bucharest.age")
        #expect(
            try geneva.succeed(["sync", "export", "--out", bundle, "--for", "Bucharest"]).contains(
                "encrypted for Bucharest"
            )
        )
        let bytes = try #require(fileBytes(bundle))
        #expect(bytes.starts(with: Data("age-encryption.org/v1\n-> X25519 ".utf8)))
        // The file names no office and holds no contact in the clear.
        let card = try Self.card(of: geneva)
        for secret in ["Geneva", "Bucharest", try #require(card["id"] as? String), "Trey", "DAFOH", "Doctors"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is readable in the encrypted bundle")
        }

        let key = bucharest.folder.path("bucharest.key")
        try bucharest.succeed(["office", "key", "export", "--out", key])
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try bucharest.refuse(["office", "key", "export", "--out", key]).contains("exists"))
        // Nor through a symbolic link to a file that does not exist yet.
        let dangling = bucharest.folder.path("dangling.key")
        try FileManager.default.createSymbolicLink(
            atPath: dangling,
            withDestinationPath: bucharest.folder.path("elsewhere.key")
        )
        #expect(
            try bucharest.refuse(["office", "key", "export", "--out", dangling]).contains(
                "is a symbolic link to a file that does not exist"
            )
        )
        #expect(!FileManager.default.fileExists(atPath: bucharest.folder.path("elsewhere.key")))
        let decrypted = bucharest.folder.path("decrypted.jsonl")
        try AgeTool.run(["-d", "-i", key, "-o", decrypted, bundle])
        let plain = String(decoding: try #require(fileBytes(decrypted)), as: UTF8.self)
        #expect(plain.hasPrefix("{") && plain.contains("\"format\""))
        #expect(plain.contains("Doctors Against Forced Organ Harvesting"))

        try bucharest.succeed(["sync", "import", bundle])
        #expect(try geneva.succeed(["sync", "dump"]) == (try bucharest.succeed(["sync", "dump"])))
    }

    @Test func aPlainBundleThatAgeEncryptedForTheOfficeImports() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        _ = try geneva.addReferenceStatement()
        let plain = geneva.folder.path("plain.jsonl")
        try geneva.succeed(["sync", "export", "--plaintext", "--out", plain])
        let encrypted = geneva.folder.path("by-age.age")
        try AgeTool.run(["-r", try Self.recipient(of: bucharest), "-o", encrypted, plain])
        #expect(try bucharest.succeed(["sync", "import", encrypted]).contains("applied"))
        #expect(try geneva.succeed(["sync", "dump"]) == (try bucharest.succeed(["sync", "dump"])))

        // age's ASCII armour is refused with a clear message.
        let armored = geneva.folder.path("armored.age")
        try AgeTool.run(["-a", "-r", try Self.recipient(of: bucharest), "-o", armored, plain])
        #expect(try bucharest.refuse(["sync", "import", armored]).contains("ASCII-armored"))
    }

    @Test func wrongRecipientDamageAndTruncationAreRefused() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest, paris) = (offices[0], offices[1], offices[2])
        _ = try geneva.addReferenceStatement()
        // Enough co-signers for several 64 KiB chunks.
        for index in 0..<300 {
            try geneva.succeed(["org", "add", "--name", "Association number \(index) for the rights of all"])
        }
        let bundle = geneva.folder.path("for-bucharest.age")
        try geneva.succeed(["sync", "export", "--out", bundle, "--for", "Bucharest"])
        let bytes = try #require(fileBytes(bundle))
        #expect(bytes.count > 3 * 65_536)

        #expect(try paris.refuse(["sync", "import", bundle]).contains("encrypted for other offices"))
        let header = bytes.range(of: Data("\n--- ".utf8))!.upperBound
        let damaged: [(String, Data)] = [
            ("a flipped byte in the header", Self.flipping(bytes, at: 40)),
            ("a flipped byte in the MAC", Self.flipping(bytes, at: header + 5)),
            ("a flipped byte in the first part", Self.flipping(bytes, at: header + 100)),
            ("a flipped byte in the last part", Self.flipping(bytes, at: bytes.count - 1)),
            ("a truncation inside a part", bytes.prefix(bytes.count - 1000)),
            ("a truncation at a part's end", bytes.prefix(header + 43 + 1 + 16 + 2 * (65_536 + 16))),
            ("a part added", bytes + bytes.suffix(65_552)),
        ]
        for (name, data) in damaged {
            let path = bucharest.folder.path("damaged.age")
            try data.write(to: URL(fileURLWithPath: path))
            let message = try bucharest.refuse(["sync", "import", path])
            #expect(
                message.contains("damaged") || message.contains("malformed") || message.contains("other offices"),
                "\(name): \(message)"
            )
            // Damage found part-way through, on the thread that reads ahead, is told as such.
            #expect(!message.contains("bundle bundle"), "\(name): \(message)")
        }
        #expect(try bucharest.succeed(["sync", "import", bundle]).contains("applied"))
    }

    static func flipping(_ data: Data, at index: Int) -> Data {
        var copy = data
        copy[index] ^= 0x20
        return copy
    }

    @Test func aBundleForSeveralOfficesOpensAtEachAndNeedsAnExplicitChoice() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest, paris) = (offices[0], offices[1], offices[2])
        _ = try geneva.addReferenceStatement()
        let bundle = geneva.folder.path("for-both.age")
        let refused = try geneva.refuse(["sync", "export", "--out", bundle])
        #expect(refused.contains("--for") && refused.contains("--plaintext"))
        #expect(!FileManager.default.fileExists(atPath: bundle))
        try geneva.succeed(["sync", "export", "--out", bundle, "--for", "Bucharest", "--for", "Paris"])
        try bucharest.succeed(["sync", "import", bundle])
        try paris.succeed(["sync", "import", bundle])
        let dumps = try offices.map { try $0.succeed(["sync", "dump"]) }
        #expect(dumps[0] == dumps[1] && dumps[1] == dumps[2])
    }

    @Test func anOfficeNamedLikeAnotherIsNeverChosenForIt() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let bucharestID = try #require(try Self.card(of: bucharest)["id"] as? String)
        for name in [String(bucharestID.prefix(4)), "Bucharest"] {
            let impostor = try OfficeFixture(initialise: false)
            try impostor.succeed(["init", "--office", name])
            try geneva.succeed(["office", "trust", try impostor.card()])
        }
        let bundle = geneva.folder.path("for.age")
        for reference in [String(bucharestID.prefix(4)), "bucharest"] {
            #expect(try geneva.refuse(["sync", "export", "--out", bundle, "--for", reference]).contains("matches"))
        }
        #expect(!FileManager.default.fileExists(atPath: bundle))
        try geneva.succeed(["sync", "export", "--out", bundle, "--for", bucharestID])
        try bucharest.succeed(["sync", "import", bundle])
    }

    @Test func cardsWithoutOrWithABadEncryptionKey() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let card = try Self.card(of: bucharest)
        let lima = try OfficeFixture(initialise: false)
        try lima.succeed(["init", "--office", "Lima"])
        var limaCard = try Self.card(of: lima)

        // A recipient the card's key did not sign (here, Bucharest's) is refused.
        limaCard["recipient"] = card["recipient"]
        let forged = geneva.folder.path("forged.card")
        try JSONSerialization.data(withJSONObject: limaCard).write(to: URL(fileURLWithPath: forged))
        #expect(try geneva.refuse(["office", "trust", forged]).contains("not signed by its own key"))

        // An older card, without a key, is trusted; nothing can be encrypted for it until its
        // current card is trusted.
        limaCard["recipient"] = nil
        limaCard["recipientSignature"] = nil
        let old = geneva.folder.path("old.card")
        try JSONSerialization.data(withJSONObject: limaCard).write(to: URL(fileURLWithPath: old))
        #expect(try geneva.succeed(["office", "trust", old]).contains("trusted Lima"))
        let bundle = geneva.folder.path("for-lima.age")
        #expect(
            try geneva.refuse(["sync", "export", "--out", bundle, "--for", "Lima"]).contains(
                "without an encryption key"
            )
        )
        let current = geneva.folder.path("current.card")
        try lima.succeed(["office", "card"]).write(toFile: current, atomically: true, encoding: .utf8)
        try geneva.succeed(["office", "trust", current])
        try geneva.succeed(["sync", "export", "--out", bundle, "--for", "Lima"])
        try lima.succeed(["sync", "import", bundle])
    }
}
