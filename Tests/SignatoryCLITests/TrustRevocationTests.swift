import Foundation
import TestSupport
import Testing

/// `office revoke`: an office whose laptop or key may be in other hands is shut out, whoever
/// relays its feed (hostile review 61), while the rest of what another office relays is taken.
struct TrustRevocationTests {
    @Test func aRevokedOfficeIsShutOutDirectlyAndWhenRelayed() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest, paris) = (offices[0], offices[1], offices[2])
        try bucharest.succeed(["org", "add", "--name", "Before Revocation", "--acronym", "BEF"])
        try SyncCommandTests.send(bucharest, to: geneva)
        let asked = try geneva.refuse(["office", "revoke", "Bucharest"])
        #expect(asked.contains("Add --yes to confirm it"), "\(asked)")
        #expect(!(try geneva.succeed(["office", "list"])).contains("revoked"))
        let revoked = try geneva.succeed(["office", "revoke", "Bucharest", "--yes"])
        #expect(revoked.contains("Bucharest is no longer trusted here: its changes after change 1 are refused"))
        #expect(try geneva.succeed(["office", "list"]).contains("revoked after change 1"))
        let cards = try #require(try geneva.json(["office", "list"]) as? [[String: Any]])
        #expect(cards.compactMap { $0["revokedAfter"] as? Int } == [1], "\(cards)")
        // Whoever holds Bucharest's key goes on writing: none of it is taken, sent by Bucharest or relayed.
        try bucharest.succeed(["org", "add", "--name", "After Revocation", "--acronym", "AFT"])
        var unchanged = databaseBytes(geneva.database)
        let direct = bucharest.folder.path("direct.jsonl")
        try bucharest.succeed(["sync", "export", "--plaintext", "--out", direct])
        let refusal = try geneva.refuse(["sync", "import", direct])
        #expect(refusal.contains("is no longer trusted here (revoked after its change 1)"), "\(refusal)")
        #expect(databaseBytes(geneva.database) == unchanged)
        // Paris has not revoked it yet: what Paris relays of it is set aside, Paris's own is taken.
        try SyncCommandTests.send(bucharest, to: paris)
        try paris.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"])
        let relayed = paris.folder.path("relayed.jsonl")
        try paris.succeed(["sync", "export", "--plaintext", "--out", relayed])
        let taken = try geneva.run(["sync", "import", relayed])
        #expect(taken.status == 0 && taken.output.contains("applied 1 new change(s) from Paris"), "\(taken)")
        #expect(
            taken.stderr.contains(
                "set aside 1 change(s) of Bucharest, whose trust was revoked here after its change 1: they were not applied"
            ),
            "\(taken.stderr)"
        )
        let listed = try geneva.succeed(["org", "list"])
        #expect(listed.contains("Before Revocation") && listed.contains("CAP Liberté de Conscience"))
        #expect(!listed.contains("After Revocation"))
        #expect(try geneva.succeed(["sync", "import", relayed]).contains("applied 0 new change(s) from Paris"))
        unchanged = databaseBytes(geneva.database)
        // Nothing is encrypted for its key any more; trusting its card again undoes nothing.
        let encrypted = try geneva.refuse([
            "sync", "export", "--for", "Bucharest", "--out", geneva.folder.path("b.age"),
        ])
        #expect(encrypted.contains("is no longer trusted here"), "\(encrypted)")
        try geneva.succeed(["office", "trust", bucharest.folder.path("card.json")])
        #expect(try geneva.refuse(["sync", "import", direct]).contains("no longer trusted here"))
        #expect(try geneva.refuse(["office", "revoke", "Geneva", "--yes"]).contains("never itself"))
        #expect(databaseBytes(geneva.database) == unchanged)
        // Nor is anything written for it in plain text, and revoking again says so (hostile review 62).
        let plain = try geneva.refuse([
            "sync", "export", "--plaintext", "--for", "Bucharest", "--out", geneva.folder.path("b.jsonl"),
        ])
        #expect(plain.contains("is no longer trusted here"), "\(plain)")
        #expect(try geneva.succeed(["office", "revoke", "Bucharest"]).contains("was revoked here already"))
        #expect(databaseBytes(geneva.database) == unchanged)
    }

    /// A hub whose operator has not revoked the office yet still serves everything else: its
    /// later changes are not even asked for.
    @Test func aHubThatHasNotRevokedTheOfficeStillServesTheRest() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest, paris) = (fixture.offices[0], fixture.offices[1], fixture.offices[2])
        try bucharest.succeed(["org", "add", "--name", "Romanian Independent Society of Human Rights"])
        try fixture.syncNow(bucharest)
        try fixture.syncNow(geneva)
        try geneva.succeed(["office", "revoke", "Bucharest", "--yes"])
        try bucharest.succeed(["org", "add", "--name", "After Revocation", "--acronym", "AFT"])
        try fixture.syncNow(bucharest)
        try paris.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"])
        try fixture.syncNow(paris)
        let pulled = try fixture.syncNow(geneva)
        #expect(pulled.contains("pulled 1 new change(s)"), "\(pulled)")
        let listed = try geneva.succeed(["org", "list"])
        #expect(listed.contains("Romanian Independent Society") && listed.contains("CAP Liberté de Conscience"))
        #expect(!listed.contains("After Revocation"))
    }

    /// A revoked office's key vouches for no new identity: a card that continues it is trusted only
    /// with --yes, once its fingerprint is checked with the office itself (hostile review 62).
    @Test func aCardContinuingARevokedOfficeIsNotTrustedOnItsWord() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        try bucharest.succeed(["org", "add", "--name", "One", "--acronym", "ONE"])
        let backup = bucharest.folder.path("backup.db")
        try bucharest.succeed(["office", "backup", "--out", backup])
        try bucharest.succeed(["org", "add", "--name", "Two", "--acronym", "TWO"])
        try SyncCommandTests.send(bucharest, to: geneva)
        let full = geneva.folder.path("full.jsonl")
        try geneva.succeed(["sync", "export", "--all", "--for", "Bucharest", "--out", full])
        try geneva.succeed(["office", "revoke", "Bucharest", "--yes"])
        try FileManager.default.removeItem(atPath: bucharest.database)
        try FileManager.default.copyItem(atPath: backup, toPath: bucharest.database)
        try bucharest.succeed(["org", "add", "--name", "Forked", "--acronym", "FRK"])
        let successor = bucharest.folder.path("successor.db")
        try bucharest.succeed(["office", "recover", "--from", full, "--out", successor])
        let card = bucharest.folder.path("successor.card.json")
        try SignatoryExecutable.run(["office", "card", "--db", successor], in: bucharest.folder.url).output
            .write(toFile: card, atomically: true, encoding: .utf8)
        let unchanged = databaseBytes(geneva.database)
        let refusal = try geneva.refuse(["office", "trust", card])
        #expect(refusal.contains("says it continues Bucharest, whose trust was revoked here"), "\(refusal)")
        #expect(refusal.contains("trust it with --yes"))
        #expect(databaseBytes(geneva.database) == unchanged)
        let trusted = try geneva.succeed(["office", "trust", card, "--yes"])
        #expect(trusted.contains("which continues Bucharest") && trusted.contains("revoked here"), "\(trusted)")
    }
}
