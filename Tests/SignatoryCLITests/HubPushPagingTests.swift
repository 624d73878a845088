import Foundation
import TestSupport
import Testing

/// How `sync push` cuts a backlog into pages the hub takes: under its body limit, and with every
/// change whose person was erased in the page of an erasure that vouches for it, or after it.
struct HubPushPagingTests {
    /// About 100 KB of notes: ten organisations carrying them are over a hub's 1 MiB limit.
    static let longNotes = String(repeating: "Notes from the sign-on call. ", count: 3_450)

    static func addLargeOrganisations(_ range: ClosedRange<Int>, at office: OfficeFixture) throws {
        for index in range {
            try office.succeed(["org", "add", "--name", "Organisation \(index)", "--notes", Self.longNotes])
        }
    }

    /// Geneva's contact Thierry Valle and Bucharest's Lucica Humenuc, exchanged so that both
    /// offices hold both.
    static func addContactsHeldByBoth(
        _ geneva: OfficeFixture,
        _ bucharest: OfficeFixture
    ) throws -> (valle: String, humenuc: String) {
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--country", "FR"])
        let valle = try geneva.succeed(["contact", "add", "--org", "CAP", "--name", "Thierry Valle"])
        try bucharest.succeed([
            "org", "add", "--name", "Romanian Independent Society of Human Rights", "--acronym", "SIRDO",
        ])
        let humenuc = try bucharest.succeed(["contact", "add", "--org", "SIRDO", "--name", "Lucica Humenuc"])
        try SyncCommandTests.send(geneva, to: bucharest)
        try SyncCommandTests.send(bucharest, to: geneva)
        return (valle, humenuc)
    }

    /// Each office edited the other's contact and then erased its own: each feed holds a change
    /// that waits for its own later erasure and one that waits for the other's, and both pushes go.
    @Test func officesThatEditedEachOthersContactsAndErasedTheirOwnBothPush() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"])
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        let (valle, humenuc) = try Self.addContactsHeldByBoth(geneva, bucharest)
        try geneva.succeed(["contact", "edit", humenuc, "--title", "President"])
        try bucharest.succeed(["contact", "edit", valle, "--title", "President"])
        try geneva.succeed(["contact", "erase", valle, "--yes"])
        try bucharest.succeed(["contact", "erase", humenuc, "--yes"])
        try SyncCommandTests.send(geneva, to: bucharest)
        try SyncCommandTests.send(bucharest, to: geneva)
        for office in [geneva, bucharest] {
            let push = try office.run(["sync", "push", "--hub", fixture.url])
            #expect(push.status == 0, "\(push.stderr)")
        }
        let hub = try fixture.hubDump()
        #expect(!hub.contains("Lucica Humenuc") && !hub.contains("Thierry Valle"))
        #expect(
            try HubFixture.succeed(["sync", "dump", "--db", fixture.hubDatabase]) == geneva.succeed(["sync", "dump"])
        )
    }

    /// As above, and Nairobi, which the hub does not know, edited Geneva's contact: its feed
    /// needs the erasures but is needed by neither, so it is left out of their page and refused
    /// alone, and both erasures reach the hub.
    @Test func aFeedTheHubRefusesIsLeftOutOfThePageOfFeedsThatNeedEachOther() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"])
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        let nairobi = try OfficeFixture(initialise: false)
        try nairobi.succeed(["init", "--office", "Nairobi"])
        for office in [geneva, bucharest] {
            try office.succeed(["office", "trust", try nairobi.card()])
            try nairobi.succeed(["office", "trust", try office.card()])
        }
        let (valle, humenuc) = try Self.addContactsHeldByBoth(geneva, bucharest)
        try SyncCommandTests.send(geneva, to: nairobi)
        try nairobi.succeed(["contact", "edit", valle, "--title", "Director"])
        try geneva.succeed(["contact", "edit", humenuc, "--title", "President"])
        try bucharest.succeed(["contact", "edit", valle, "--title", "President"])
        try geneva.succeed(["contact", "erase", valle, "--yes"])
        try bucharest.succeed(["contact", "erase", humenuc, "--yes"])
        for (source, target) in [(nairobi, geneva), (bucharest, geneva)] {
            try SyncCommandTests.send(source, to: target)
        }
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        #expect(
            push.status != 0 && push.stderr.contains("changes of Nairobi that this office relays"),
            "\(push.stderr)"
        )
        let hub = try fixture.hubDump()
        #expect(!hub.contains("Lucica Humenuc") && !hub.contains("Thierry Valle"))
        let held = try #require(try geneva.json(["sync", "status"]) as? [String: Any])
        let atHub = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try HubFixture.succeed(["sync", "status", "--json", "--db", fixture.hubDatabase]).utf8)
            ) as? [String: Any]
        )
        func positions(_ status: [String: Any]) -> [String: Int] {
            Dictionary(
                ((status["feeds"] as? [[String: Any]]) ?? []).compactMap { feed in
                    (feed["name"] as? String).flatMap { name in (feed["held"] as? Int).map { (name, $0) } }
                }
            ) { first, _ in first }
        }
        var expected = positions(held)
        expected["Nairobi"] = nil
        #expect(positions(atHub).filter { $0.key != "Coalition hub" } == expected)
    }

    /// Two offices erased each other's contacts, then one wrote more than the hub takes at once:
    /// the feeds go together only as far as the erasures, and the rest in pages of its own.
    @Test func feedsThatNeedEachOthersErasuresTravelOnlyAsFarAsThem() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"], hubArguments: ["--max-body-mb", "1"])
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        let (valle, humenuc) = try Self.addContactsHeldByBoth(geneva, bucharest)
        try geneva.succeed(["contact", "erase", humenuc, "--yes"])
        try bucharest.succeed(["contact", "erase", valle, "--yes"])
        try SyncCommandTests.send(bucharest, to: geneva)
        try Self.addLargeOrganisations(1...12, at: geneva)
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        #expect(push.status == 0, "\(push.stderr)")
        try fixture.syncNow(bucharest)
        #expect(try bucharest.succeed(["sync", "dump"]) == geneva.succeed(["sync", "dump"]))
    }

    /// A contact added between large organisations and erased after more of them: the page is
    /// cut before the contact's change rather than carried on to the erasure, over the hub's limit.
    @Test func aPageIsCutBeforeAChangeThatWaitsForALaterErasure() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"], hubArguments: ["--max-body-mb", "1"])
        let geneva = fixture.offices[0]
        // Changes 1-6, 7 (the contact), 8-13, 14 (the erasure), 15-26: halving the 26 cuts at 13,
        // where the contact's change waits for the erasure one change further, 13 large changes on.
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"])
        try Self.addLargeOrganisations(2...6, at: geneva)
        let valle = try geneva.succeed(["contact", "add", "--org", "CAP", "--name", "Thierry Valle"])
        try Self.addLargeOrganisations(8...13, at: geneva)
        try geneva.succeed(["contact", "erase", valle, "--yes"])
        try Self.addLargeOrganisations(15...26, at: geneva)
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(
            try HubFixture.succeed(["sync", "dump", "--db", fixture.hubDatabase]) == geneva.succeed(["sync", "dump"])
        )
    }

    /// Geneva relays Nairobi's feed, which the hub refuses (Nairobi is not enrolled there):
    /// Geneva's own changes still reach the hub, and the push ends with the refusal.
    @Test func aRefusedRelayedFeedDoesNotHoldBackThisOfficesOwnChanges() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"])
        let geneva = fixture.offices[0]
        let nairobi = try OfficeFixture(initialise: false)
        try nairobi.succeed(["init", "--office", "Nairobi"])
        try geneva.succeed(["office", "trust", try nairobi.card()])
        try nairobi.succeed(["org", "add", "--name", "Kenya Human Rights Commission", "--country", "KE"])
        try SyncCommandTests.send(nairobi, to: geneva)
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--country", "FR"])
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        #expect(push.status != 0 && push.stderr.contains("422"), "\(push.stderr)")
        #expect(push.stderr.contains("changes of Nairobi that this office relays"), "\(push.stderr)")
        #expect(push.stderr.contains("1 other change(s) went through"), "\(push.stderr)")
        let hub = try fixture.hubDump()
        #expect(hub.contains("CAP Liberté de Conscience") && !hub.contains("Kenya Human Rights Commission"))
    }

    /// A revoked office's key may be in other hands: the hub refuses its new changes relayed by
    /// another office too, and takes that office's own.
    @Test func theHubRefusesARevokedOfficesFeedRelayedByAnother() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"])
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        try bucharest.succeed(["org", "add", "--name", "Romanian Independent Society of Human Rights"])
        try SyncCommandTests.send(bucharest, to: geneva)
        try HubFixture.succeed(["hub", "revoke", "Bucharest", "--db", fixture.hubDatabase])
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience"])
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        #expect(push.status != 0 && push.stderr.contains("was revoked at this hub"), "\(push.stderr)")
        let hub = try fixture.hubDump()
        #expect(hub.contains("CAP Liberté de Conscience") && !hub.contains("Romanian Independent Society"))
    }

    /// Geneva adds Thierry Valle and does not push him; Bucharest erases him and is revoked at
    /// the hub; Geneva then writes another change. Returns the contact's id.
    private static func erasedByARevokedOffice() throws -> (HubFixture, OfficeFixture, OfficeFixture, String) {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"])
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--country", "FR"])
        try fixture.syncNow(geneva)
        let valle = try geneva.succeed(["contact", "add", "--org", "CAP", "--name", "Thierry Valle"])
        try SyncCommandTests.send(geneva, to: bucharest)
        try bucharest.succeed(["contact", "erase", valle, "--yes"])
        try SyncCommandTests.send(bucharest, to: geneva)
        try HubFixture.succeed(["hub", "revoke", "Bucharest", "--db", fixture.hubDatabase])
        try geneva.succeed(["org", "add", "--name", "Romanian Independent Society of Human Rights"])
        return (fixture, geneva, bucharest, valle)
    }

    /// Bucharest erased a contact Geneva had not pushed yet, and was then revoked at the hub:
    /// Geneva's changes from the contact's on wait for Bucharest's feed, and the push says so.
    @Test func aPushSaysWhichOwnChangesWaitForARefusedFeed() throws {
        let (fixture, geneva, _, valle) = try Self.erasedByARevokedOffice()
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        #expect(push.status != 0, "\(push.stderr)")
        #expect(push.stderr.contains("but 2 of this office's own wait for that feed"), "\(push.stderr)")
        #expect(push.stderr.contains("signatory contact erase \(valle) --again"), "\(push.stderr)")
        #expect(!(try fixture.hubDump()).contains("Thierry Valle"))
    }

    /// The way around a revoked office's erasure: Geneva erases the person again, as its own
    /// erasure, and its waiting changes then reach the hub, the person's values still left out.
    @Test func erasingAgainLetsChangesWaitingForARevokedOfficesErasureGo() throws {
        let (fixture, geneva, bucharest, valle) = try Self.erasedByARevokedOffice()
        #expect(try geneva.run(["sync", "push", "--hub", fixture.url]).status != 0)

        // Without --again the erased person is refused as before, and nothing is written.
        let before = try geneva.succeed(["sync", "dump"])
        let plain = try geneva.run(["contact", "erase", valle, "--yes"])
        #expect(plain.status != 0 && plain.stderr.contains("erased"), "\(plain.stderr)")
        #expect(try geneva.succeed(["sync", "dump"]) == before)

        let again = try geneva.succeed(["contact", "erase", valle, "--again"])
        #expect(again.contains("again"), "\(again)")
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        // Bucharest's feed is still refused, but nothing of Geneva's waits for it any more.
        #expect(push.stderr.contains("this office's own among them"), "\(push.stderr)")
        let hub = try fixture.hubDump()
        #expect(hub.contains("Romanian Independent Society of Human Rights"), "\(hub)")
        #expect(!hub.contains("Thierry Valle"))
        // The hub holds Geneva's erasure: its tombstone.
        #expect(
            hub.split(separator: "\n").contains { $0.hasPrefix("contact_erasure ") && $0.contains(valle) },
            "\(hub)"
        )
        // Two erasures of one person converge like any concurrent ones; the first one's reason stays.
        try SyncCommandTests.send(geneva, to: bucharest)
        try SyncCommandTests.send(bucharest, to: geneva)
        #expect(try geneva.succeed(["sync", "dump"]) == bucharest.succeed(["sync", "dump"]))

        // A second --again is this office's erasure already: refused, nothing written.
        let twice = try geneva.run(["contact", "erase", valle, "--again"])
        let after = try geneva.succeed(["sync", "dump"])
        #expect(twice.status != 0 && twice.stderr.contains("erased"), "\(twice.stderr)")
        #expect(try geneva.succeed(["sync", "dump"]) == after)
    }

    /// One large statement cuts the pages small; the pages after it grow again, so a sign-on of
    /// 3,000 changes behind it takes a few requests instead of one per two changes.
    @Test func pagesGrowAgainAfterALargeChange() throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"], hubArguments: ["--max-body-mb", "1"])
        let geneva = fixture.offices[0]
        let body = geneva.folder.path("body.txt")
        try String(repeating: "The coalition calls on the Council. ", count: 20_000).write(
            toFile: body,
            atomically: true,
            encoding: .utf8
        )
        let campaign = try geneva.succeed(["campaign", "add", "--name", "Sign-on"])
        let statement = try geneva.succeed([
            "statement", "add", "--campaign", campaign, "--title", "T", "--body-file", body,
        ])
        try geneva.succeed(["statement", "status", statement, "open"])
        let organisations = geneva.folder.path("organisations.csv")
        var csv = "Organisation,Country\n"
        for index in 1...1_500 { csv += "Organisation \(index),KE\n" }
        try csv.write(toFile: organisations, atomically: true, encoding: .utf8)
        try geneva.succeed(["import", "signers", "--statement", statement, organisations, "--consent", "no"])
        let push = try geneva.run(["sync", "push", "--hub", fixture.url])
        #expect(push.status == 0, "\(push.stderr)")
        let hub = try #require(fixture.hub)
        let requests = hub.logText.components(separatedBy: "push received").count - 1
        #expect((2...60).contains(requests), "\(requests) pages")
    }
}
