import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// Offices on different minor versions of format 2: what a later minor adds is kept, merged and
/// relayed byte for byte; what it marks critical is refused with the version to upgrade to.
struct VersionToleranceTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store
    let paris: Store
    let later = ChangeFormat(major: 2, minor: 1)

    init() throws {
        self.fixture = try SyncFixture(offices: 3)
        (self.geneva, self.bucharest, self.paris) = (fixture.offices[0], fixture.offices[1], fixture.offices[2])
        try self.geneva.insert(try SyncFixture.cap())
    }

    /// Geneva's bundle, its only change rewritten as a 2.1 office would write it.
    func laterBundle(critical: Bool = false) throws -> String {
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.forge(path, office: self.geneva, position: 1, format: self.later, critical: critical) {
            $0["region"] = .salted(.text("Western Europe"))
        }
        return path
    }

    @Test func aFieldOfALaterMinorIsKeptMergedAndRelayedByteForByte() throws {
        let path = try self.laterBundle()
        let written = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")[1]
        #expect(written.contains(#""format":"2.1""#) && written.contains("Western Europe"))
        _ = try BundleImporter(store: self.bucharest).importBundle(at: path)
        let id = try self.bucharest.organisation(matching: "CAP").id.description
        // Shown as far as this release understands it, and the unknown field kept in its merge state.
        #expect(try self.bucharest.organisation(matching: "CAP").name == "CAP Liberté de Conscience")
        #expect(try self.bucharest.settledFields(of: EntityRef(.organisation, id))["region"] == .text("Western Europe"))
        // Relayed by a 2.0 office, it reaches the next office unchanged.
        let relayed = try self.fixture.bundle(from: self.bucharest, for: self.paris)
        #expect(try String(contentsOfFile: relayed, encoding: .utf8).split(separator: "\n").contains(written))
        _ = try BundleImporter(store: self.paris).importBundle(at: relayed)
        #expect(try self.paris.canonicalDump() == (try self.bucharest.canonicalDump()))
        // An edit here keeps the unknown field, and a deletion does not write it as its own.
        var cap = try self.paris.organisation(matching: "CAP")
        cap.notes = "Paris office"
        try self.paris.update(cap)
        #expect(try self.paris.settledFields(of: EntityRef(.organisation, id))["region"] == .text("Western Europe"))
        try self.paris.removeOrganisation(cap.id, cascade: true)
        let back = try self.fixture.bundle(from: self.paris, for: self.bucharest)
        _ = try BundleImporter(store: self.bucharest).importBundle(at: back)
        #expect(try self.paris.canonicalDump() == (try self.bucharest.canonicalDump()))
    }

    @Test func aCriticalChangeOfALaterMinorIsRefusedWithTheVersionToUpgradeTo() throws {
        let path = try self.laterBundle(critical: true)
        let before = try self.bucharest.canonicalDump()
        do {
            _ = try BundleImporter(store: self.bucharest).importBundle(at: path)
            Issue.record("a critical change of format 2.1 should be refused")
        } catch let error as SyncError {
            #expect("\(error)".contains("upgrade Signatory to a release that reads format 2.1 or later"))
        }
        #expect(try self.bucharest.canonicalDump() == before)
    }

    @Test func anUnknownFieldInTheCurrentMinorIsRefused() throws {
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.forge(path, office: self.geneva, position: 1) { $0["region"] = .salted(.text("Europe")) }
        let before = try self.bucharest.canonicalDump()
        #expect(throws: SyncError.self) { try BundleImporter(store: self.bucharest).importBundle(at: path) }
        #expect(try self.bucharest.canonicalDump() == before)
    }

    static let meeting = "0f6e4d3a-0000-4000-8000-000000000001"

    @Test func aRecordKindOfALaterMinorIsKeptAndRelayedByteForByte() throws {
        let meeting = try self.geneva.recordMeeting(Self.meeting, title: "Coalition call")
        _ = try BundleImporter(store: self.bucharest).importBundle(at: try self.fixture.bundle(from: self.geneva))
        #expect(
            try self.bucharest.database.integer("SELECT count(*) FROM unapplied_change WHERE kind = 'meeting'") == 1
        )
        // Relayed by a 2.0 office, it reaches the next office unchanged, and the feed goes on after it.
        let relayed = try self.fixture.bundle(from: self.bucharest, for: self.paris)
        #expect(try String(contentsOfFile: relayed, encoding: .utf8).contains(meeting.jsonLine + "\n"))
        _ = try BundleImporter(store: self.paris).importBundle(at: relayed)
        #expect(try self.paris.canonicalDump().contains("unapplied \"\(self.geneva.office.id)\" 2 \"meeting\""))
        #expect(try self.paris.canonicalDump() == (try self.bucharest.canonicalDump()))
        try self.geneva.insert(Organisation(name: "Coalition for Rights", acronym: "CFR"))
        _ = try BundleImporter(store: self.paris).importBundle(at: try self.fixture.bundle(from: self.geneva))
        #expect(try self.paris.organisation(matching: "CFR").name == "Coalition for Rights")
    }

    @Test(arguments: [
        (#""title":{"value":"Coalition call""#, #""title":{"value":"Coalition call!""#, "does not match its hash"),
        (#""format":"2.1","#, #""format":"2.1","critical":true,"#, "reads format 2.1 or later"),
        (#""format":"2.1","#, #""format":"2.0","#, "not a change"),
        // A line of a later major says which release reads it, as a header of one does.
        (#""format":"2.1","#, #""format":"3.0","#, "reads format 3.0 or later"),
    ])
    func aChangeOfAnUnknownKindIsCheckedAndRefusedWhenItMust(
        original: String,
        replacement: String,
        message: String
    ) throws {
        try self.geneva.recordMeeting(Self.meeting, title: "Coalition call")
        let path = try self.fixture.bundle(from: self.geneva)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: replacement).write(
            toFile: path,
            atomically: true,
            encoding: .utf8
        )
        let before = try self.bucharest.canonicalDump()
        do {
            _ = try BundleImporter(store: self.bucharest).importBundle(at: path)
            Issue.record("a changed line of an unknown kind should be refused")
        } catch let error as SyncError {
            #expect("\(error)".contains(message), "\(error)")
        }
        #expect(try self.bucharest.canonicalDump() == before)
        #expect(try self.bucharest.changeCount() == 0)
    }

    @Test func anErasureRemovesAContactFieldOfALaterMinorToo() throws {
        let contact = ContactPerson(
            organisationID: try self.geneva.organisation(matching: "CAP").id,
            fullName: "Thierry Valle",
            title: "President",
            atRisk: true,
            consentToPublish: false
        )
        try self.geneva.insert(contact)
        try self.geneva.setPronouns("he/him", of: contact.id)
        _ = try BundleImporter(store: self.bucharest).importBundle(at: try self.fixture.bundle(from: self.geneva))
        _ = try self.bucharest.eraseContact(contact.id, reason: nil)
        let bundle = try self.fixture.bundle(from: self.bucharest)
        _ = try BundleImporter(store: self.geneva).importBundle(at: bundle)
        _ = try BundleImporter(store: self.paris).importBundle(at: bundle)
        for store in [self.geneva, self.bucharest, self.paris] {
            #expect(try store.database.integer("SELECT count(*) FROM change_log WHERE instr(line, 'he/him') > 0") == 0)
            #expect(
                try store.database.integer("SELECT count(*) FROM change_log WHERE instr(line, 'pronouns') > 0") == 1
            )
        }
        #expect(try !String(contentsOfFile: bundle, encoding: .utf8).contains("he/him"))
    }
}
