import Foundation
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryBundles
@testable import SignatoryStore

/// Bundles imported together, as a hub applies the pushes that arrive at once: one commit, but
/// each bundle applied or refused on its own.
struct BatchImportTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store
    let paris: Store
    let nairobi: Store
    let cap: Organisation

    init() throws {
        self.fixture = try SyncFixture(offices: 4)
        (self.geneva, self.bucharest, self.paris, self.nairobi) =
            (self.fixture.offices[0], self.fixture.offices[1], self.fixture.offices[2], self.fixture.offices[3])
        try self.bucharest.insert(
            Organisation(
                name: "Romanian Independent Society of Human Rights",
                acronym: "SIRDO",
                country: try CountryCode("RO")
            )
        )
        self.cap = try SyncFixture.cap()
        try self.paris.insert(self.cap)
        try self.paris.insert(Organisation(name: "Human Rights Without Frontiers", acronym: "HRWF"))
        try self.nairobi.insert(Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH"))
    }

    func bundle(from office: Store) throws -> [UInt8] {
        try BundleExporter(store: office).bundle(known: [:]).bytes
    }

    /// Nairobi's bundle with one letter of a name changed after it was hashed.
    func tamperedBundle() throws -> [UInt8] {
        let text = String(decoding: try self.bundle(from: self.nairobi), as: UTF8.self)
        let tampered = text.replacingOccurrences(of: "Organ Harvesting", with: "Organ Harvestinx")
        try #require(tampered != text)
        return Array(tampered.utf8)
    }

    @Test func aRefusedBundleIsRolledBackAloneAndTheOthersApplied() throws {
        let outcomes = try BundleImporter(store: self.geneva).importBundles([
            try self.bundle(from: self.bucharest), try self.tamperedBundle(), try self.bundle(from: self.paris),
        ])
        #expect(outcomes.count == 3)
        #expect(try outcomes[0].get().applied == 1)
        #expect(try outcomes[2].get().applied == 2)
        #expect {
            try outcomes[1].get()
        } throws: { error in
            "\(error)".contains("feed of office \(self.nairobi.office.id) is broken at position 1")
        }
        #expect(try self.geneva.organisations().compactMap(\.acronym).sorted() == ["CAP", "HRWF", "SIRDO"])
        #expect(try self.geneva.versionVector()[self.nairobi.office.id] == nil)
        #expect(try self.geneva.changeCount() == 3)
    }

    /// A bundle refused part way, after its first lines were written (the lines are handed
    /// over 256 at a time), is rolled back whole; the bundles before and after it are applied.
    @Test func aBundleRefusedPartWayIsRolledBackWholeAndTheOthersApplied() throws {
        for index in 1...300 {
            try self.nairobi.insert(Organisation(name: "Kenyan member \(index)", acronym: nil))
        }
        let text = String(decoding: try self.bundle(from: self.nairobi), as: UTF8.self)
        let tampered = text.replacingOccurrences(of: "Kenyan member 300", with: "Kenyan member 999")
        try #require(tampered != text)
        let path = self.fixture.folder.path("office-0.db")
        let before = databaseBytes(path)
        let refusedAlone = try BundleImporter(store: self.geneva).importBundles([Array(tampered.utf8)])
        #expect(throws: SyncError.self) { try refusedAlone[0].get() }
        #expect(databaseBytes(path) == before)

        let outcomes = try BundleImporter(store: self.geneva).importBundles([
            try self.bundle(from: self.bucharest), Array(tampered.utf8), try self.bundle(from: self.paris),
        ])
        let applied: [Int?] = outcomes.map { if case .success(let report) = $0 { report.applied } else { nil } }
        #expect(applied == [1, nil, 2])
        #expect {
            try outcomes[1].get()
        } throws: { error in
            "\(error)".contains("feed of office \(self.nairobi.office.id) is broken at position 301")
        }
        #expect(try self.geneva.organisations().compactMap(\.acronym).sorted() == ["CAP", "HRWF", "SIRDO"])
        #expect(try self.geneva.versionVector()[self.nairobi.office.id] == nil)
        #expect(try self.geneva.changeCount() == 3)
    }

    /// A hub starts reading the pushes that wait while it writes others: a bundle whose lines
    /// were read and checked before its turn is applied, or refused, as one that was not.
    @Test func bundlesReadAheadAreAppliedOrRefusedAsTheyWouldBeOtherwise() throws {
        let bundles = [
            try self.bundle(from: self.bucharest), try self.tamperedBundle(), try self.bundle(from: self.paris),
        ]
        .map(ReceivedBundle.init)
        for bundle in bundles + bundles { bundle.startReading() }
        let outcomes = try BundleImporter(store: self.geneva).importBundles(bundles)
        let applied: [Int?] = outcomes.map { if case .success(let report) = $0 { report.applied } else { nil } }
        #expect(applied == [1, nil, 2])
        #expect(try self.geneva.organisations().compactMap(\.acronym).sorted() == ["CAP", "HRWF", "SIRDO"])
    }

    /// A bundle's lines, parsed ahead, are let go once it is imported, not once its whole batch
    /// is: a hub batching large pushes would otherwise hold every push's parsed lines at once.
    @Test func aBundleLetsGoOfItsLinesOnceImported() throws {
        let bundle = ReceivedBundle(try self.bundle(from: self.bucharest))
        bundle.startReading()
        let outcomes = try BundleImporter(store: self.geneva).importBundles([bundle])
        #expect(try outcomes[0].get().applied == 1)
        #expect(throws: SyncError.self) { try bundle.take().get() }
    }

    @Test func aBatchOfRefusedBundlesChangesNothing() throws {
        let path = self.fixture.folder.path("office-0.db")
        let before = databaseBytes(path)
        let outcomes = try BundleImporter(store: self.geneva).importBundles([
            try self.tamperedBundle(), Array("not a bundle\n".utf8),
        ])
        #expect(outcomes.allSatisfy { (try? $0.get()) == nil })
        #expect(databaseBytes(path) == before)
    }

    /// A checkpoint cannot run inside the batch's transaction: the log is emptied once it commits.
    @Test func anErasureReceivedInABatchLeavesNoTraceInTheFiles() throws {
        let valle = ContactPerson(organisationID: self.cap.id, fullName: "Thierry Valle", title: "Director")
        try self.paris.insert(valle)
        try self.fixture.send(from: self.paris, to: self.geneva)
        let path = self.fixture.folder.path("office-0.db")
        #expect(databaseFilesHold("Thierry Valle", at: path))
        _ = try self.paris.eraseContact(valle.id, reason: "asked to be forgotten")
        let outcomes = try BundleImporter(store: self.geneva).importBundles([
            try self.bundle(from: self.bucharest), try self.bundle(from: self.paris),
        ])
        #expect(try outcomes[1].get().applied == 1)
        #expect(!self.geneva.erasedValuesMayLinger)
        #expect(!databaseFilesHold("Thierry Valle", at: path))
    }

    /// The pairs of a batch are found once, at its end, among the organisations of every bundle
    /// applied: two bundles that each hold one of a pair, and none from a refused bundle.
    @Test func duplicatesAcrossTheBundlesOfABatchAreFoundOnce() throws {
        try self.paris.insert(
            Organisation(
                name: "Romanian Independent Society of Human Rights",
                acronym: "SIRDO",
                country: try CountryCode("RO")
            )
        )
        // Would pair with Nairobi's organisation, whose bundle is refused.
        try self.bucharest.insert(Organisation(name: "Doctors against Forced Organ Harvesting e.V.", acronym: "DAFOH"))
        let outcomes = try BundleImporter(store: self.geneva).importBundles([
            try self.bundle(from: self.bucharest), try self.tamperedBundle(), try self.bundle(from: self.paris),
        ])
        let pairs = try self.geneva.duplicatePairs()
        #expect(pairs.map(\.reason) == ["same name and country (RO); same acronym (SIRDO)"])
        #expect(try outcomes[0].get().duplicatePairs == 1)
        #expect(try outcomes[2].get().duplicatePairs == 1)
        _ = try self.geneva.transaction { try self.geneva.refreshDuplicates() }
        #expect(try self.geneva.duplicatePairs() == pairs)
    }
}
