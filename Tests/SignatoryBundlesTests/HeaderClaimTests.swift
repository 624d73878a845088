import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// What a bundle's header says its writer holds is believed only when the writer signed it,
/// and never beyond what the receiver holds: an edited header cannot make an office hold back
/// changes its peer lacks.
struct HeaderClaimTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store

    init() throws {
        (self.fixture, self.geneva, self.bucharest) = try SyncFixture.genevaAndBucharestWithOrganisations()
    }

    private func pendingForBucharest() throws -> Int64 {
        try BundleExporter(store: self.geneva).export(
            to: self.fixture.folder.path("probe-\(UUID()).jsonl"),
            for: [self.bucharest.office.id]
        ).changes
    }

    @Test func aSignedVectorIsLearned() throws {
        try self.fixture.send(from: self.geneva, to: self.bucharest)
        try self.fixture.send(from: self.bucharest, to: self.geneva)
        #expect(try self.pendingForBucharest() == 0)
    }

    @Test func anEditedVectorIsNotBelieved() throws {
        let path = try self.fixture.bundle(from: self.bucharest)
        let unknown = UUID().uuidString.lowercased()
        try BundleFile.edit(path) { lines in
            lines[0]["have"] = [
                self.geneva.office.id.description: 2, self.bucharest.office.id.description: 1, unknown: 5,
            ]
        }
        _ = try BundleImporter(store: self.geneva).importBundle(at: path)
        // Nothing of the edited header is believed, not even that Bucharest holds its own feed:
        // Geneva's two changes and Bucharest's own one are still to be sent.
        #expect(try self.pendingForBucharest() == 3)
        let knowledge = try self.geneva.peerKnowledge()[self.bucharest.office.id] ?? [:]
        #expect(knowledge[self.geneva.office.id] == nil)
        #expect(knowledge.keys.allSatisfy { $0.description != unknown })
    }

    @Test func aSignedVectorBeyondWhatIsHeldIsClamped() throws {
        // Even Bucharest's own signed claim counts only up to what Geneva holds.
        try self.geneva.learn(that: self.bucharest.office.id, has: [self.geneva.office.id: 50, ID<Office>(): 3])
        let knowledge = try self.geneva.peerKnowledge()[self.bucharest.office.id] ?? [:]
        #expect(knowledge == [self.geneva.office.id: 2])
    }

    /// The header's `from` is not signed: a bundle that names another office as its writer must
    /// not teach what that office holds, or exports for it would leave changes out.
    @Test func aBundleCreditedToAnotherOfficeTeachesNothingAboutIt() throws {
        let paris = try Store.create(
            at: self.fixture.folder.path("paris.db"),
            office: Office(name: "Paris", createdAt: Date())
        )
        try self.bucharest.trust(try paris.officeCard())
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.edit(path) { lines in lines[0]["from"] = paris.office.id.description }
        _ = try BundleImporter(store: self.bucharest).importBundle(at: path)
        #expect(try self.bucharest.peerKnowledge()[paris.office.id] == nil)
        let forParis = try BundleExporter(store: self.bucharest).export(
            to: self.fixture.folder.path("for-paris.jsonl"),
            for: [paris.office.id]
        )
        #expect(forParis.changes == (try self.bucharest.versionVector().values.reduce(0, +)))
    }

    /// A hub that serves the same page again is refused, rather than pulled from forever.
    @Test func aPageThatRepeatsWhatWasPulledIsRefused() throws {
        let (bytes, page) = try BundleExporter(store: self.geneva).page(have: [:], limit: 100)
        #expect(page.changes > 0)
        var assembler = try BundleAssembler(have: [:], folder: URL(fileURLWithPath: self.fixture.folder.path("")))
        defer { assembler.discard() }
        try assembler.add(page: Data(bytes))
        #expect(throws: SyncError.self) { try assembler.add(page: Data(bytes)) }
    }
}
