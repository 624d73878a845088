import Foundation
import SignatoryBundles
import SignatoryDomain
import Testing

@testable import SignatoryStore

/// Bundles longer than the importer reads ahead (16 batches of 256 lines): the second thread
/// hands every line over in order, and a refusal anywhere stops it with nothing applied.
struct LongBundleTests {
    static let size = 5_000
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store
    let path: String

    init() throws {
        let fixture = try SyncFixture(offices: 2)
        let geneva = fixture.offices[0]
        try geneva.transaction {
            for index in 0..<Self.size {
                try geneva.insert(Organisation(name: "Association \(index)", country: try CountryCode("CH")))
            }
        }
        self.fixture = fixture
        self.geneva = geneva
        self.bucharest = fixture.offices[1]
        self.path = try fixture.bundle(from: geneva)
    }

    @Test func everyChangeOfALongBundleArrivesInOrder() throws {
        let report = try BundleImporter(store: self.bucharest).importBundle(at: self.path)
        #expect(report.applied == Self.size)
        #expect(try self.bucharest.canonicalDump() == self.geneva.canonicalDump())
    }

    @Test(arguments: [3, 5_001])
    func aBadLineStopsTheImport(at lineNumber: Int) throws {
        var lines = try String(contentsOfFile: self.path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == Self.size + 1)
        lines[lineNumber - 1] = "{\"not\": \"a change\"}"
        try (lines.joined(separator: "\n") + "\n").write(toFile: self.path, atomically: true, encoding: .utf8)
        let before = try self.bucharest.canonicalDump()
        #expect {
            try BundleImporter(store: self.bucharest).importBundle(at: self.path)
        } throws: { error in
            "\(error)".contains("line \(lineNumber): not a change")
        }
        #expect(try self.bucharest.canonicalDump() == before)
        #expect(try self.bucharest.changeCount() == 0)
    }
}

/// A line longer than the reader's limit is refused, however long the file.
struct LongLineTests {
    @Test func aLineOverTheLimitIsRefused() throws {
        let fixture = try SyncFixture(offices: 2)
        try fixture.offices[0].insert(Organisation(name: "CAP Liberté de Conscience", acronym: "CAP"))
        let path = try fixture.bundle(from: fixture.offices[0])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<20 { try handle.write(contentsOf: chunk) }
        try handle.close()
        let before = try fixture.offices[1].canonicalDump()
        #expect {
            _ = try BundleImporter(store: fixture.offices[1]).importBundle(at: path)
        } throws: { error in
            "\(error)".contains("line 3: the line is longer than 16 MiB")
        }
        #expect(try fixture.offices[1].canonicalDump() == before)
    }

    /// A body held in memory (a push) has the same limit, whether or not the line ends.
    @Test(arguments: [true, false])
    func aLineOverTheLimitInMemoryIsRefused(endsWithNewline: Bool) throws {
        let fixture = try SyncFixture(offices: 2)
        try fixture.offices[0].insert(Organisation(name: "CAP Liberté de Conscience", acronym: "CAP"))
        var body = Array(try Data(contentsOf: URL(fileURLWithPath: try fixture.bundle(from: fixture.offices[0]))))
        body += Array(repeating: UInt8(ascii: "a"), count: 17 << 20)
        if endsWithNewline { body.append(UInt8(ascii: "\n")) }
        let before = try fixture.offices[1].canonicalDump()
        #expect {
            _ = try BundleImporter(store: fixture.offices[1]).importBundle(from: LineReader(bytes: body))
        } throws: { error in
            "\(error)".contains("line 3: the line is longer than 16 MiB")
        }
        #expect(try fixture.offices[1].canonicalDump() == before)
    }
}
