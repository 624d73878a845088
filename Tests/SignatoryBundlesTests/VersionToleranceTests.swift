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
}
