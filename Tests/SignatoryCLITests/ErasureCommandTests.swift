import Foundation
import TestSupport
import Testing

/// `contact erase` across a coalition: three offices and the hub, searched byte by byte.
struct ErasureCommandTests {
    /// What names or reaches the person, as Signatory stores it.
    static let personal = ["Thierry Valle", "t.valle@cap-lc.example", "+33155550123", "+33155550199", "Directeur"]

    @Test func anErasedPersonLeavesNoTraceAtAnyOfficeOrTheHub() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest, paris) = (fixture.offices[0], fixture.offices[1], fixture.offices[2])
        let ids = try geneva.addReferenceStatement()
        try geneva.succeed(["contact", "edit", ids.valle, "--email", "t.valle@cap-lc.example", "--at-risk"])
        try geneva.succeed(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", ids.valle])
        for office in [geneva, bucharest, paris] { try fixture.syncNow(office) }
        // Another office's edits hold the values too; one is still offline when the erasure is made.
        try bucharest.succeed(["contact", "edit", ids.valle, "--phone", "+33155550123", "--title", "Directeur"])
        try fixture.syncNow(bucharest)
        try fixture.syncNow(paris)
        let before = paris.folder.path("before-erasure.jsonl")
        try paris.succeed(["sync", "export", "--all", "--plaintext", "--out", before])
        try paris.succeed(["contact", "edit", ids.valle, "--phone", "+33155550199"])

        try fixture.syncNow(geneva)
        let erased = try geneva.succeed(["contact", "erase", ids.valle, "--reason", "asked to be forgotten", "--yes"])
        #expect(erased.contains("erased contact \(ids.valle)"))
        for _ in 0..<2 { for office in [paris, geneva, bucharest] { try fixture.syncNow(office) } }

        let dumps = try fixture.offices.map { try $0.succeed(["sync", "dump"]) }
        #expect(Set(dumps).count == 1)
        // The tombstone, and the organisation's signature without its contact.
        let tombstone = dumps[0].split(separator: "\n").filter { $0.hasPrefix("contact_erasure ") }
        #expect(
            tombstone.count == 1 && tombstone[0].contains(ids.valle)
                && tombstone[0].hasSuffix(#""asked to be forgotten""#)
        )
        #expect(!dumps[0].split(separator: "\n").contains { $0.hasPrefix("contact \"\(ids.valle)") })
        #expect(try geneva.succeed(["signatures", "--statement", ids.statement]).contains("CAP"))
        let show = try bucharest.refuse(["contact", "show", ids.valle])
        #expect(show.contains("was erased on"))
        #expect(try paris.refuse(["contact", "edit", ids.valle, "--name", "Back again"]).contains("was erased on"))

        // A late relay of an old, unredacted bundle brings nothing back.
        try geneva.succeed(["sync", "import", before])
        var later: [String] = []
        for office in fixture.offices {
            let bundle = office.folder.path("after-\(UUID().uuidString).jsonl")
            try office.succeed(["sync", "export", "--all", "--plaintext", "--out", bundle])
            later.append(bundle)
        }
        #expect(fixture.hub!.stop() == 0)
        var files = later
        for database in fixture.offices.map(\.database) + [fixture.hubDatabase] { files += Self.files(of: database) }
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for text in Self.personal {
                #expect(bytes.range(of: Data(text.utf8)) == nil, "\(text) is still in \(file)")
            }
        }
        // The control: the bundle from before the erasure holds what the others no longer do.
        let old = try Data(contentsOf: URL(fileURLWithPath: before))
        for text in Self.personal.dropLast(2) { #expect(old.range(of: Data(text.utf8)) != nil) }

        // Every feed still verifies: a new office takes each redacted full bundle, and then the
        // old one, in both orders.
        for order in [[later[1], before], [before, later[1]]] {
            let newcomer = try OfficeFixture(initialise: false)
            try newcomer.succeed(["init", "--office", "Nairobi"])
            for office in fixture.offices { try newcomer.succeed(["office", "trust", try office.card()]) }
            for bundle in order { try newcomer.succeed(["sync", "import", bundle]) }
            #expect(try newcomer.succeed(["sync", "dump"]) == dumps[0])
            for file in Self.files(of: newcomer.database) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                for text in Self.personal { #expect(bytes.range(of: Data(text.utf8)) == nil, "\(text) in \(file)") }
            }
        }
    }

    @Test func aRedactedLineWithoutAnErasureIsRefused() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"])
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        _ = try geneva.addReferenceStatement()
        let bundle = geneva.folder.path("bundle.jsonl")
        try geneva.succeed(["sync", "export", "--plaintext", "--out", bundle])
        // A relay strips Thierry Valle's name as an erasure would, but nobody erased him.
        var lines = try String(contentsOfFile: bundle, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("Thierry Valle") })
        let name = try #require(
            lines[index].range(
                of: #""fullName":\{"value":"Thierry Valle","salt":"[0-9a-f]{32}""#,
                options: .regularExpression
            )
        )
        let salt = String(lines[index][name].suffix(33).prefix(32))
        lines[index].replaceSubrange(name, with: #""fullName":{"digest":"\#(try Self.digest(salt: salt))""#)
        try (lines.joined(separator: "\n") + "\n").write(toFile: bundle, atomically: true, encoding: .utf8)
        let before = try bucharest.succeed(["sync", "dump"])
        let message = try bucharest.refuse(["sync", "import", bundle])
        #expect(message.contains("has values removed, but no erasure of its contact vouches for that"))
        #expect(try bucharest.succeed(["sync", "dump"]) == before)
    }

    /// The reason travels to every office with the tombstone: one that names the person is
    /// refused before anything is asked, and the database is left as it was.
    @Test func aReasonThatNamesThePersonIsRefused() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["contact", "edit", ids.valle, "--email", "t.valle@cap-lc.example"])
        for reason in ["Thierry asked", "asked by t.valle@cap-lc.example"] {
            let message = try office.refuse(["contact", "erase", ids.valle, "--reason", reason])
            #expect(message.contains("the erasure's reason repeats '") && message.contains("', from the person's"))
        }
        // A reason too long to keep is refused before anything is asked, too.
        let long = try office.refuse(["contact", "erase", ids.valle, "--reason", String(repeating: "a", count: 1_001)])
        #expect(
            !long.contains("--yes") && long.contains("the erasure reason is longer than Signatory keeps"),
            "\(long)"
        )
        let escape = try office.refuse(["contact", "erase", ids.valle, "--reason", "asked\u{1B}[2J"])
        #expect(escape.contains("erasure reason holds the invisible control character U+001B"), "\(escape)")
        try office.succeed(["contact", "erase", ids.valle, "--reason", "asked to be forgotten", "--yes"])
    }

    /// Erased again at another office, the person gets no reason: their values are gone there, so
    /// nothing is left to check one against.
    @Test func anErasureMadeAgainTakesNoReason() throws {
        let geneva = try OfficeFixture()
        let ids = try geneva.addReferenceStatement()
        let bern = try OfficeFixture(initialise: false)
        try bern.succeed(["init", "--office", "Bern"])
        try bern.succeed(["office", "trust", try geneva.card()])
        // --again erases only a person another office erased.
        let notYet = try geneva.refuse(["contact", "erase", ids.valle, "--again", "--yes"])
        #expect(notYet.contains("--again is only for a person another office erased"), "\(notYet)")
        try geneva.succeed(["contact", "erase", ids.valle, "--reason", "asked to be forgotten", "--yes"])
        let bundle = geneva.folder.path("geneva.jsonl")
        try geneva.succeed(["sync", "export", "--plaintext", "--out", bundle])
        try bern.succeed(["sync", "import", bundle])
        // Without --again the command says that the person is erased already, and how to erase
        // them as this office's own erasure too.
        let plain = try bern.refuse(["contact", "erase", ids.valle])
        #expect(plain.contains("was erased on") && plain.contains("contact erase \(ids.valle) --again"), "\(plain)")
        let message = try bern.refuse(["contact", "erase", ids.valle, "--again", "--reason", "Thierry Valle again"])
        #expect(message.contains("run the command again without --reason"))
        try bern.succeed(["contact", "erase", ids.valle, "--again"])
        // Once this office erased the person too, --again would change nothing: not suggested.
        let twice = try bern.refuse(["contact", "erase", ids.valle])
        #expect(twice.contains("was erased on") && !twice.contains("--again"), "\(twice)")
    }

    /// A database and its write-ahead log, when SQLite left one.
    static func files(of database: String) -> [String] {
        [database, database + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The digest of `fullName` = "Thierry Valle" under `salt`, as format 2 defines it.
    static func digest(salt: String) throws -> String {
        let script = """
            import hashlib, sys
            def lp(b): return str(len(b)).encode() + b":" + b
            salt = bytes.fromhex(sys.argv[1])
            print(hashlib.sha256(lp(b"signatory-value-2") + salt + lp(b"fullName") + lp("t:Thierry Valle".encode())).hexdigest())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, salt]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
