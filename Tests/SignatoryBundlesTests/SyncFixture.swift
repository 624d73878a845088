import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport

@testable import SignatoryStore

/// A few offices, each with its own database file, that all trust one another.
final class SyncFixture {
    let folder: TemporaryDirectory
    let offices: [Store]
    private var bundleCount = 0

    init(offices count: Int, names: [String] = ["Geneva", "Bucharest", "Paris", "Nairobi", "Lima"]) throws {
        self.folder = try TemporaryDirectory()
        var offices: [Store] = []
        for index in 0..<count {
            offices.append(
                try Store.create(
                    at: self.folder.path("office-\(index).db"),
                    office: Office(name: names[index], createdAt: Date())
                )
            )
        }
        for office in offices {
            for other in offices where other !== office { try office.trust(try other.officeCard()) }
        }
        self.offices = offices
    }

    /// Geneva and Bucharest, each trusting the other: the pair most suites start from.
    static func genevaAndBucharest() throws -> (fixture: SyncFixture, geneva: Store, bucharest: Store) {
        let fixture = try SyncFixture(offices: 2)
        return (fixture, fixture.offices[0], fixture.offices[1])
    }

    /// Geneva holding CAP and SIRDO, Bucharest holding DAFOH, nothing exchanged yet.
    static func genevaAndBucharestWithOrganisations() throws -> (fixture: SyncFixture, geneva: Store, bucharest: Store)
    {
        let (fixture, geneva, bucharest) = try Self.genevaAndBucharest()
        try geneva.insert(try Self.cap())
        try geneva.insert(
            Organisation(
                name: "Romanian Independent Society of Human Rights",
                acronym: "SIRDO",
                country: try CountryCode("RO")
            )
        )
        try bucharest.insert(Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH"))
        return (fixture, geneva, bucharest)
    }

    /// CAP Liberté de Conscience, the reference statement's French co-signer with special status.
    static func cap() throws -> Organisation {
        Organisation(
            name: "CAP Liberté de Conscience",
            acronym: "CAP",
            country: try CountryCode("FR"),
            ecosoc: .special
        )
    }

    /// Writes a bundle from `source` (for `peer`, or everything) and returns its path.
    func bundle(from source: Store, for peer: Store? = nil) throws -> String {
        self.bundleCount += 1
        let path = self.folder.path("bundle-\(self.bundleCount).jsonl")
        _ = try BundleExporter(store: source).export(to: path, for: peer.map { [$0.office.id] } ?? [])
        return path
    }

    @discardableResult
    func send(from source: Store, to target: Store, addressed: Bool = true) throws -> BundleImporter.Report {
        try BundleImporter(store: target).importBundle(at: try self.bundle(from: source, for: addressed ? target : nil))
    }

    /// Recovers `forked` from `peer`'s full bundle into a new file, as `office recover` does.
    func recover(_ forked: Store, from peer: Store) throws -> (report: FeedRecovery.Report, recovered: Store) {
        let full = self.folder.path("full-\(UUID()).jsonl")
        _ = try BundleExporter(store: peer).export(to: full)
        let path = self.folder.path("recovered-\(UUID()).db")
        let report = try FeedRecovery(store: forked).recover(using: full, into: path)
        return (report, try Store.open(at: path))
    }

    /// Sends only `source`'s own feed, as a hub pages it for a peer that trusts only that office.
    func sendOwnFeed(from source: Store, to target: Store) throws {
        let (bytes, _) = try BundleExporter(store: source).page(have: [:], only: [source.office.id], limit: Int.max)
        _ = try BundleImporter(store: target).importBundle(from: LineReader(bytes: bytes))
    }

    /// Every office sends everything to every other, twice round, so all hold every change.
    func exchangeFully() throws {
        for _ in 0..<2 {
            for source in self.offices {
                for target in self.offices where target !== source {
                    try self.send(from: source, to: target, addressed: false)
                }
            }
        }
    }
}
