import Foundation
import SignatoryDomain

/// Joins the pages a hub serves into one bundle file, to be imported (and checked) as a whole.
///
/// ```swift
/// var assembler = try BundleAssembler(have: try store.versionVector(), folder: folder)
/// while true {
///     let page = try await hub.pull(have: assembler.have)
///     if try assembler.add(page: page) == 0 { break }
/// }
/// let bundle = try assembler.finish()
/// ```
public struct BundleAssembler {
    /// Positions held by the puller plus everything the pages so far carried: what to ask from next.
    public private(set) var have: [ID<Office>: Int64]
    public private(set) var changes: Int64 = 0
    /// The newest signed head seen for each feed.
    private var heads: [ID<Office>: FeedHead] = [:]
    private var last: BundleHeader?
    private let body: FileHandle
    private let bodyPath: String
    private let bundlePath: String

    public init(have: [ID<Office>: Int64], folder: URL) throws {
        self.have = have
        let name = UUID().uuidString
        self.bodyPath = folder.appendingPathComponent("pull-\(name).body").path
        self.bundlePath = folder.appendingPathComponent("pull-\(name).jsonl").path
        guard FileManager.default.createFile(atPath: self.bodyPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: self.bodyPath) else {
            throw SyncError.unreadable(self.bodyPath, "cannot write there")
        }
        self.body = handle
    }

    /// Adds one page; returns how many changes it carried.
    @discardableResult
    public mutating func add(page: Data) throws -> Int {
        guard let newline = page.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(BundleHeader.self, from: page[page.startIndex..<newline]),
              header.format == BundleHeader.format else {
            throw SyncError.malformed(line: 1, "the hub's page does not start with a bundle header")
        }
        try self.body.write(contentsOf: page[page.index(after: newline)...])
        // The hub writes a page feed by feed, in the order of its heads, each from our position.
        var left = header.changes
        for head in header.heads where left > 0 {
            let from = self.have[head.office] ?? 0
            let taken = min(left, head.sequence - from)
            guard taken > 0 else { continue }
            self.have[head.office] = from + taken
            left -= taken
        }
        for head in header.heads where (self.heads[head.office]?.sequence ?? 0) <= head.sequence {
            self.heads[head.office] = head
        }
        self.changes += header.changes
        self.last = header
        return Int(header.changes)
    }

    /// Removes what was collected, when nothing is to be imported.
    public func discard() {
        try? self.body.close()
        try? FileManager.default.removeItem(atPath: self.bodyPath)
    }

    /// Writes the joined bundle and returns its path; the caller imports and then removes it.
    public func finish() throws -> String {
        try self.body.close()
        defer { try? FileManager.default.removeItem(atPath: self.bodyPath) }
        guard let last = self.last else { throw SyncError.malformed(line: 1, "the hub sent no page") }
        // Only feeds that pages carried changes of need a head.
        let heads = self.heads.values.filter { $0.sequence <= (self.have[$0.office] ?? 0) }.sorted { $0.office < $1.office }
        let header = BundleHeader(from: last.from, fromName: last.fromName, have: last.have, heads: heads, changes: self.changes)
        guard FileManager.default.createFile(atPath: self.bundlePath, contents: try BundleHeader.line(header)),
              let out = FileHandle(forWritingAtPath: self.bundlePath) else {
            throw SyncError.unreadable(self.bundlePath, "cannot write there")
        }
        defer { try? out.close() }
        try out.seekToEnd()
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: self.bodyPath))
        defer { try? input.close() }
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try out.write(contentsOf: chunk) }
        return self.bundlePath
    }
}
