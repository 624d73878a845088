import Foundation
import SignatoryBundles
import SignatoryDomain
import Testing

@testable import SignatoryStore

/// An erasure whose reason names the person, written by a release that did not check reasons,
/// is received without its reason, so the words do not outlive the erasure anywhere.
struct ReceivedErasureReasonTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store
    let paris: Store
    let valle: ContactPerson

    init() throws {
        self.fixture = try SyncFixture(offices: 3)
        (self.geneva, self.bucharest, self.paris) = (
            self.fixture.offices[0], self.fixture.offices[1], self.fixture.offices[2]
        )
        let cap = try SyncFixture.cap()
        try self.geneva.insert(cap)
        self.valle = ContactPerson(
            organisationID: cap.id,
            fullName: "Thierry Valle",
            title: "Director",
            email: try EmailAddress("t.valle@example.org")
        )
        try self.geneva.insert(self.valle)
        try self.fixture.send(from: self.geneva, to: self.bucharest)
    }

    /// Geneva erases Thierry Valle giving `reason`, unchecked, as an older release did.
    private func eraseWithUncheckedReason(_ reason: String) throws {
        let ref = EntityRef(.contact, self.valle.id.description)
        try self.geneva.transaction {
            let values: FieldMap = [EntityKind.erasedField: .bool(true), "erasureReason": .text(reason)]
            try self.geneva.appendLocalChange(
                ref,
                values.mapValues { .salted($0) },
                state: try self.geneva.loadState(of: ref),
                critical: true,
                now: nil
            )
        }
    }

    private func bundleText(from store: Store) throws -> String {
        String(
            decoding: try Data(contentsOf: URL(fileURLWithPath: try self.fixture.bundle(from: store))),
            as: UTF8.self
        )
    }

    @Test func aReasonNamingThePersonIsWithheldAndTheErasureStillTravels() throws {
        try self.eraseWithUncheckedReason("Valle asked us; write to t.valle@example.org")
        try self.fixture.send(from: self.geneva, to: self.bucharest)
        let tombstone = try #require(try self.bucharest.erasure(of: self.valle.id))
        #expect(tombstone.reason == nil && tombstone.office == self.geneva.office.id)
        #expect(try self.bucharest.contact(self.valle.id) == nil)
        let relayed = try self.bundleText(from: self.bucharest)
        #expect(!relayed.contains("Valle") && !relayed.contains("valle"), "\(relayed)")

        // The erasure, its reason removed, still verifies at an office that never held the person.
        let report = try BundleImporter(store: self.paris).importBundle(
            at: try self.fixture.bundle(from: self.bucharest)
        )
        #expect(report.applied > 0)
        #expect(try self.paris.erasure(of: self.valle.id) != nil)
        #expect(!(try self.bundleText(from: self.paris)).contains("alle"))
    }

    /// The negative control: a reason that names nobody arrives as written.
    @Test func aReasonNamingNobodyIsKept() throws {
        try self.eraseWithUncheckedReason("asked to be forgotten")
        try self.fixture.send(from: self.geneva, to: self.bucharest)
        #expect(try self.bucharest.erasure(of: self.valle.id)?.reason == "asked to be forgotten")
        #expect(try self.bundleText(from: self.bucharest).contains("asked to be forgotten"))
    }
}
