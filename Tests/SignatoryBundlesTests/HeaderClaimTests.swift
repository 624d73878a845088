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
        #expect(try self.pendingForBucharest() == 2)
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
}
