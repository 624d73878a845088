import Foundation
import TestSupport
import Testing

/// `office revoke`: an office whose laptop or key may be in other hands is shut out, whoever
/// relays its feed (hostile review 61).
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
        // Whoever holds Bucharest's key goes on writing: none of it is taken, sent by Bucharest or relayed.
        try bucharest.succeed(["org", "add", "--name", "After Revocation", "--acronym", "AFT"])
        let unchanged = databaseBytes(geneva.database)
        let direct = bucharest.folder.path("direct.jsonl")
        try bucharest.succeed(["sync", "export", "--plaintext", "--out", direct])
        let refusal = try geneva.refuse(["sync", "import", direct])
        #expect(refusal.contains("is no longer trusted here (revoked after its change 1)"), "\(refusal)")
        try SyncCommandTests.send(bucharest, to: paris)
        let relayed = paris.folder.path("relayed.jsonl")
        try paris.succeed(["sync", "export", "--plaintext", "--out", relayed])
        #expect(try geneva.refuse(["sync", "import", relayed]).contains("no longer trusted here"))
        #expect(databaseBytes(geneva.database) == unchanged)
        let listed = try geneva.succeed(["org", "list"])
        #expect(listed.contains("Before Revocation") && !listed.contains("After Revocation"))
        // Nothing is encrypted for its key any more; trusting its card again undoes nothing.
        let encrypted = try geneva.refuse([
            "sync", "export", "--for", "Bucharest", "--out", geneva.folder.path("b.age"),
        ])
        #expect(encrypted.contains("is no longer trusted here"), "\(encrypted)")
        try geneva.succeed(["office", "trust", bucharest.folder.path("card.json")])
        #expect(try geneva.refuse(["sync", "import", direct]).contains("no longer trusted here"))
        #expect(try geneva.refuse(["office", "revoke", "Geneva", "--yes"]).contains("never itself"))
        #expect(databaseBytes(geneva.database) == unchanged)
    }
}
