import Foundation
import SignatoryBundles
import SignatoryDomain
import Testing

@testable import SignatoryStore

struct ErasureMergeTests {
    /// Two offices erasing the same person agree: no conflict is left that nobody could settle.
    @Test func twoErasuresOfOnePersonMergeWithoutAConflict() throws {
        let (fixture, geneva, bucharest) = try SyncFixture.genevaAndBucharest()
        let cap = try SyncFixture.cap()
        try geneva.insert(cap)
        let valle = ContactPerson(organisationID: cap.id, fullName: "Thierry Valle", title: "Director")
        try geneva.insert(valle)
        try fixture.send(from: geneva, to: bucharest)
        _ = try geneva.eraseContact(valle.id, reason: "asked to be forgotten")
        bucharest.clock = { Date().addingTimeInterval(5) }
        _ = try bucharest.eraseContact(valle.id, reason: "his safety")
        try fixture.exchangeFully()
        #expect(try geneva.conflicts().isEmpty && bucharest.conflicts().isEmpty)
        #expect(try geneva.canonicalDump() == bucharest.canonicalDump())
        // The first erasure is the tombstone's, at both offices.
        let tombstone = try #require(try bucharest.erasure(of: valle.id))
        #expect(tombstone.reason == "asked to be forgotten" && tombstone.office == geneva.office.id)
    }
}
