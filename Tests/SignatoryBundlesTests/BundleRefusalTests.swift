import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// Each refusal names the office and the feed position, and applies nothing of the bundle.
struct BundleRefusalTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store

    init() throws {
        (self.fixture, self.geneva, self.bucharest) = try SyncFixture.genevaAndBucharestWithOrganisations()
    }

    /// Imports `path` into Bucharest, expecting a refusal that mentions `expected`, and checks
    /// that Bucharest's data did not change.
    func expectRefusal(
        _ path: String,
        mentioning expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try self.bucharest.canonicalDump()
        let changes = try self.bucharest.changeCount()
        do {
            _ = try BundleImporter(store: self.bucharest).importBundle(at: path)
            Issue.record("the bundle should have been refused", sourceLocation: sourceLocation)
        } catch let error as SyncError {
            #expect(error.description.contains(expected), "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains("nothing was imported"), sourceLocation: sourceLocation)
        }
        #expect(try self.bucharest.canonicalDump() == before, sourceLocation: sourceLocation)
        #expect(try self.bucharest.changeCount() == changes, sourceLocation: sourceLocation)
    }

    @Test func anUntrustedOfficeIsRefused() throws {
        let stranger = try Store.create(
            at: self.fixture.folder.path("stranger.db"),
            office: Office(name: "Stranger", createdAt: Date())
        )
        try stranger.insert(Organisation(name: "Unknown Friends", country: try CountryCode("CH")))
        let path = try self.fixture.bundle(from: stranger)
        try self.expectRefusal(path, mentioning: "office \(stranger.office.id) is not trusted (change 1)")
    }

    @Test func aForgedSignatureIsRefused() throws {
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.edit(path) { lines in
            var header = lines[0]
            var heads = header["heads"] as! [[String: Any]]
            heads[0]["signature"] = try self.bucharest.officeKeys().sign("forged")
            header["heads"] = heads
            lines[0] = header
        }
        try self.expectRefusal(
            path,
            mentioning: "signature of office \(self.geneva.office.id) over its feed at position 2 does not verify"
        )
    }

    @Test func aChangedValueBreaksTheHashChain() throws {
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.edit(path) { lines in
            var fields = lines[1]["fields"] as! [String: Any]
            var name = fields["name"] as! [String: Any]
            name["value"] = "Somebody Else"  // The salt stays: only the value differs from what was hashed.
            fields["name"] = name
            lines[1]["fields"] = fields
        }
        try self.expectRefusal(
            path,
            mentioning:
                "feed of office \(self.geneva.office.id) is broken at position 1 (its content does not match its hash)"
        )
    }

    @Test func aMissingChangeBreaksTheHashChain() throws {
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.edit(path) { lines in lines.remove(at: 1) }
        try self.expectRefusal(path, mentioning: "broken at position 2 (position 1 was expected next)")
    }

    @Test func changesBeyondTheSignedHeadAreRefused() throws {
        let early = try self.fixture.bundle(from: self.geneva)
        try self.geneva.insert(Organisation(name: "Third Organisation", country: try CountryCode("KE")))
        let late = try self.fixture.bundle(from: self.geneva)
        // Keep the early header (signed at position 2) but carry position 3 as well.
        let earlyHeader = try BundleFile.read(early)[0]
        try BundleFile.edit(late) { lines in lines[0] = earlyHeader }
        try self.expectRefusal(late, mentioning: "runs to position 3 without a signed head covering it")
    }

    @Test func twoDifferentChangesAtOnePositionAreEquivocation() throws {
        _ = try BundleImporter(store: self.bucharest).importBundle(at: try self.fixture.bundle(from: self.geneva))
        // Geneva's key signs a different history: the same positions with other content.
        let twin = try Store.create(
            at: self.fixture.folder.path("twin.db"),
            office: Office(id: self.geneva.office.id, name: "Geneva", createdAt: Date())
        )
        try twin.database.prepare("UPDATE office SET public_key = ?, private_key = ?")
            .run(try self.geneva.officeKeys().publicKey, try self.geneva.officeKeys().privateKeyBase64)
        try twin.insert(Organisation(name: "A Different First Change", country: try CountryCode("CH")))
        try twin.insert(Organisation(name: "A Different Second Change", country: try CountryCode("CH")))
        let path = try self.fixture.bundle(from: twin)
        try self.expectRefusal(
            path,
            mentioning: "office \(self.geneva.office.id) has two different changes at position 2"
        )
    }

    @Test func aClockTooFarAheadIsRefusedWithTheSkew() throws {
        self.geneva.clock = { Date().addingTimeInterval(2 * 3_600) }
        try self.geneva.insert(Organisation(name: "From The Future", country: try CountryCode("CH")))
        let path = try self.fixture.bundle(from: self.geneva)
        try self.expectRefusal(path, mentioning: "s ahead of this computer's clock (at most 3600 s allowed)")
        let report = try BundleImporter(store: self.bucharest, maximumSkew: 3 * 3_600).importBundle(at: path)
        #expect(report.applied == 3)
    }

    @Test func aMalformedValueIsRefused() throws {
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.forge(path, office: self.geneva, position: 2) { fields in
            fields["country"] = FieldAssignment(value: .text("XX"))
        }
        try self.expectRefusal(
            path,
            mentioning:
                "change 2 of office \(self.geneva.office.id) holds an invalid value: country 'XX' is not an ISO 3166-1 code"
        )
    }

    @Test func filesThatAreNotBundlesAreRefused() throws {
        let notJSON = self.fixture.folder.path("notes.txt")
        try Data("Contact: Thierry Valle, Director\n".utf8).write(to: URL(fileURLWithPath: notJSON))
        try self.expectRefusal(notJSON, mentioning: "line 1: the first line is not a bundle header")
        let path = try self.fixture.bundle(from: self.geneva)
        try BundleFile.edit(path) { lines in lines[0]["version"] = 99 }
        try self.expectRefusal(path, mentioning: "format 99.0, which this Signatory")
        try self.expectRefusal(path, mentioning: "upgrade Signatory to a release that reads format 99.0 or later")
        let broken = try self.fixture.bundle(from: self.geneva)
        var text = try String(contentsOfFile: broken, encoding: .utf8)
        text += "{not json\n"
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        try self.expectRefusal(broken, mentioning: "line 4: not a change")
    }
}

extension BundleRefusalTests {
    @Test func aHeaderMustCountTheChangesThatFollow() throws {
        for claimed in [0, 99, Int64.max] {
            let path = try self.fixture.bundle(from: self.geneva)
            try BundleFile.edit(path) { lines in lines[0]["changes"] = claimed }
            try self.expectRefusal(path, mentioning: "the header announces \(claimed) change(s) but 2 follow")
        }
    }
}

extension BundleRefusalTests {
    /// Lines are stored and relayed verbatim, so a change spelled in any other way than Signatory
    /// writes it is refused, even when its content, and so its hash, is the same.
    @Test func aLineSpelledAnotherWayIsRefused() throws {
        let respellings = [
            (#""sequence":1,"#, #""sequence": 1,"#),
            (#""kind":"organisation""#, #""kind":"organis\u0061tion""#),
        ]
        for (written, respelled) in respellings {
            let path = try self.fixture.bundle(from: self.geneva)
            var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            try #require(lines[1].contains(written))
            lines[1] = lines[1].replacingOccurrences(of: written, with: respelled)
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            try self.expectRefusal(
                path,
                mentioning: "change 1 of office \(self.geneva.office.id) is not written as Signatory writes it"
            )
        }
    }
}

extension BundleRefusalTests {
    /// Versions are told apart by their timestamps and the earliest erasure names the tombstone,
    /// so a change dated at or before its predecessor in the same feed is refused: in the bundle,
    /// and after a predecessor already held here.
    @Test func aChangeDatedBeforeItsPredecessorIsRefused() throws {
        func firstTimestamp(_ path: String) throws -> HybridTimestamp {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            return try #require(Change(jsonLine: Data(lines[1].utf8))).timestamp
        }
        let epoch = HybridTimestamp(physical: 1, counter: 0, office: self.geneva.office.id)
        for earlier in [{ (first: HybridTimestamp) in first }, { _ in epoch }] {
            let path = try self.fixture.bundle(from: self.geneva)
            let first = try firstTimestamp(path)
            try BundleFile.forge(
                path,
                office: self.geneva,
                position: 2,
                retime: { _ in earlier(first) },
                alter: { _ in }
            )
            try self.expectRefusal(path, mentioning: "broken at position 2 (it is dated")
        }
        // The negative control: Geneva's own timestamps, each after the one before, go through.
        let genuine = try self.fixture.bundle(from: self.geneva)
        let first = try firstTimestamp(genuine)
        _ = try BundleImporter(store: self.bucharest).importBundle(at: genuine)
        #expect(try self.bucharest.feedEnd(of: self.geneva.office.id).sequence == 2)
        // Position 3, dated before position 2 that Bucharest now holds.
        try self.geneva.insert(Organisation(name: "Third Organisation", country: try CountryCode("KE")))
        let third = try self.fixture.bundle(from: self.geneva)
        try BundleFile.forge(third, office: self.geneva, position: 3, retime: { _ in first }, alter: { _ in })
        try self.expectRefusal(third, mentioning: "broken at position 3 (it is dated")
    }
}
