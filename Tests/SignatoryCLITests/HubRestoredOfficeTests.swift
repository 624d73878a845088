import Foundation
import TestSupport
import Testing

/// An office restored from a backup after it had pushed, which then wrote before pulling: its
/// feed has forked. A push says so and points to `office recover`, instead of sending nothing
/// (as many changes written as were lost) or failing as a broken feed (more).
struct HubRestoredOfficeTests {
    @Test func aPushFromAForkedFeedSaysSoAndSendsNothing() throws {
        let fixture = try HubFixture(offices: ["Geneva"])
        let geneva = fixture.offices[0]
        try geneva.succeed(["org", "add", "--name", "Doctors Against Forced Organ Harvesting", "--acronym", "DAFOH"])
        try fixture.syncNow(geneva)
        let backup = geneva.folder.path("backup.db")
        try geneva.succeed(["office", "backup", "--out", backup])
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"])
        try fixture.syncNow(geneva)

        let restored = try OfficeFixture(initialise: false)
        try FileManager.default.copyItem(atPath: backup, toPath: restored.database)
        try restored.succeed([
            "org", "add", "--name", "Romanian Independent Society of Human Rights", "--acronym", "SIRDO",
        ])
        let hubBefore = try fixture.hubDump()
        for written in ["as many changes as were lost", "more changes than were lost"] {
            let message = try restored.refuse(["sync", "push", "--hub", fixture.url])
            #expect(message.contains("own feed differs from the hub's copy"), "\(written): \(message)")
            #expect(message.contains("signatory office recover --from FILE"), "\(written): \(message)")
            #expect(try fixture.hubDump() == hubBefore, "\(written)")
            try restored.succeed(["org", "add", "--name", "Rights Watch \(written)"])
        }
        // An office whose feed the hub holds as it is pushes as before.
        try geneva.succeed(["org", "add", "--name", "Human Rights Without Frontiers", "--acronym", "HRWF"])
        #expect(try geneva.succeed(["sync", "push", "--hub", fixture.url]).contains("pushed 1 change(s)"))
    }
}
