import Foundation
import Testing

@testable import SignatoryBundles

/// The second thread that reads a bundle's lines ahead of the importer: how far ahead it reads.
struct ChangeReadAheadTests {
    /// `count` lines of `bytes` bytes each, not changes: the read-ahead keeps what it cannot parse
    /// for the importer to refuse, so a hostile file of long lines costs what it holds.
    func lines(_ count: Int, of bytes: Int) -> LineReader {
        let line =
            Array(#"{"x":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: bytes - 8)
            + Array(#""}"#.utf8) + [UInt8(ascii: "\n")]
        return LineReader(bytes: Array([[UInt8]](repeating: line, count: count).joined()))
    }

    /// Waits until the second thread may read no further, or has read `total` bytes of lines.
    func waitUntilFull(_ changes: ChangeReadAhead, orAllOf total: Int = .max) throws {
        let deadline = Date().addingTimeInterval(60)
        while !changes.isWaitingForRoom && changes.bytesWaiting < total {
            try #require(Date() < deadline, "the read-ahead never filled up")
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    @Test func longLinesAreReadAheadOnlyAsFarAsTheirBytesAllow() throws {
        let lineBytes = 300 << 10
        let changes = ChangeReadAhead(self.lines(100, of: lineBytes))
        defer { changes.stop() }
        try self.waitUntilFull(changes, orAllOf: 100 * lineBytes)

        // 100 lines of 300 KiB would all wait as one batch of fewer than 256 lines (30 MB).
        #expect(changes.bytesWaiting > 0)
        #expect(changes.bytesWaiting <= 16 * ChangeReadAhead.roomBytes + lineBytes)

        var numbers: [Int] = []
        while let line = try changes.next() {
            numbers.append(line.number)
            #expect(line.change == nil)
            #expect(line.text.utf8.count == lineBytes)
        }
        #expect(numbers == Array(1...100))
    }

    @Test func aLineLongerThanAllTheRoomStillGoesThrough() throws {
        let changes = ChangeReadAhead(self.lines(3, of: 3 << 20), capacity: 2)
        defer { changes.stop() }
        var numbers: [Int] = []
        while let line = try changes.next() { numbers.append(line.number) }
        #expect(numbers == [1, 2, 3])
    }

    @Test func shortLinesStillTravelInBatchesOfTwoHundredAndFiftySix() throws {
        let changes = ChangeReadAhead(self.lines(10_000, of: 100), capacity: 2)
        defer { changes.stop() }
        try self.waitUntilFull(changes)
        // Two batches wait, the third is read and held by the second thread.
        #expect(changes.bytesWaiting == 2 * 256 * 100)
        var count = 0
        while try changes.next() != nil { count += 1 }
        #expect(count == 10_000)
    }
}
