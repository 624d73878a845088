import Foundation
import SignatoryBundles
import SignatoryDomain
import StoreTestSupport
import TestSupport
import Testing

@testable import SignatoryStore

/// An office restored from a backup, whose feed forked, recovers without bringing back a person
/// erased on either side.
struct RecoveredErasureTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store
    let contact: ContactPerson

    /// Geneva and Bucharest both hold Thierry Valle; Geneva is then restored from a backup made
    /// before the changes it sent last.
    init() throws {
        self.fixture = try SyncFixture(offices: 2)
        self.bucharest = self.fixture.offices[1]
        let original = self.fixture.offices[0]
        let organisation = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
        try original.insert(organisation)
        self.contact = ContactPerson(organisationID: organisation.id, fullName: "Thierry Valle", title: "Director")
        try original.insert(self.contact)
        try self.fixture.send(from: original, to: self.bucharest)
        let backup = self.fixture.folder.path("backup.db")
        try original.backup(to: backup)
        try original.insert(Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH"))
        try self.fixture.send(from: original, to: self.bucharest)
        let restored = self.fixture.folder.path("restored.db")
        try FileManager.default.copyItem(atPath: backup, toPath: restored)
        self.geneva = try Store.open(at: restored)
    }

    private func recover() throws -> (FeedRecovery.Report, Store) {
        try self.fixture.recover(self.geneva, from: self.bucharest)
    }

    @Test func anErasureTypedAfterTheRestoreStaysAndReachesThePeers() throws {
        _ = try self.geneva.eraseContact(self.contact.id, reason: "asked to be forgotten")
        let (report, recovered) = try self.recover()
        #expect(report.forkedAt == 3 && report.rewritten == 1 && report.leftOut.isEmpty)
        #expect(try recovered.erasure(of: self.contact.id) != nil)
        #expect(!(try recovered.canonicalDump()).contains("Thierry Valle"))

        try self.bucharest.trust(try recovered.officeCard())
        try self.fixture.send(from: recovered, to: self.bucharest)
        #expect(try self.bucharest.erasure(of: self.contact.id) != nil)
        #expect(!(try self.bucharest.canonicalDump()).contains("Thierry Valle"))
    }

    /// A release that did not check reasons let one name the person: written again, it is left out.
    @Test func anErasureReasonThatNamedThePersonIsNotSentAgain() throws {
        let ref = EntityRef(.contact, self.contact.id.description)
        try self.geneva.transaction {
            let values: FieldMap = [EntityKind.erasedField: .bool(true), "erasureReason": .text("Valle asked us")]
            try self.geneva.appendLocalChange(
                ref,
                values.mapValues { FieldAssignment(value: $0) },
                state: try self.geneva.loadState(of: ref),
                critical: true,
                now: nil
            )
        }
        #expect(try self.geneva.erasure(of: self.contact.id)?.reason == "Valle asked us")
        let (report, recovered) = try self.recover()
        #expect(report.rewritten == 1)
        let tombstone = try #require(try recovered.erasure(of: self.contact.id))
        #expect(tombstone.reason == nil && tombstone.office == recovered.office.id)
        #expect(!(try recovered.canonicalDump()).contains("Valle"))
    }

    @Test func anEditOfAPersonAPeerErasedIsLeftOut() throws {
        var edited = self.contact
        edited.title = "Director of advocacy"
        try self.geneva.update(edited)
        _ = try self.bucharest.eraseContact(self.contact.id, reason: "asked to be forgotten")
        let (report, recovered) = try self.recover()
        #expect(report.forkedAt == 3 && report.rewritten == 0)
        // Listed, so that nothing typed vanishes unseen.
        let leftOut = report.leftOut.map { "\($0.sequence) \($0.record) \($0.id)" }
        #expect(leftOut == ["3 contact \(self.contact.id)"])
        #expect(try recovered.erasure(of: self.contact.id) != nil)
        let dump = try recovered.canonicalDump()
        #expect(!dump.contains("Thierry Valle") && !dump.contains("Director of advocacy"))
    }

    /// Published after the restore, before the peer's erasure was known here: the record named the
    /// person. Written again, it leaves the person out of their line and keeps the organisation.
    @Test func aPublicationThatNamedAPersonAPeerErasedIsWrittenAgainWithoutThem() throws {
        var statement = try self.geneva.addOpenStatement().statement
        statement.status = .closed
        try self.geneva.update(statement)
        let organisation = try #require(try self.geneva.organisation(self.contact.organisationID))
        let line = Publication.Line(
            organisation: organisation.id,
            country: nil,
            name: organisation.name,
            status: nil,
            contact: self.contact
        )
        statement.status = .published
        statement.publication = Publication(
            date: try CalendarDate("2026-07-30"),
            place: "Geneva",
            occasion: nil,
            textHash: statement.textHash,
            lead: line,
            cosigners: [line]
        )
        try self.geneva.update(statement)
        #expect(try self.geneva.canonicalDump().contains("Thierry Valle"))
        _ = try self.bucharest.eraseContact(self.contact.id, reason: "asked to be forgotten")

        let (report, recovered) = try self.recover()
        #expect(report.forkedAt == 3)
        #expect(!(try recovered.canonicalDump()).contains("Thierry Valle"))
        let publication = try #require(try recovered.statement(statement.id)?.publication)
        #expect(publication.lead == line.withoutContact && publication.cosigners == [line.withoutContact])
        try self.bucharest.trust(try recovered.officeCard())
        try self.fixture.send(from: recovered, to: self.bucharest)
        #expect(try self.bucharest.statement(statement.id)?.publication == publication)
        #expect(!(try self.bucharest.canonicalDump()).contains("Thierry Valle"))
    }
}
