public import Foundation
public import SignatoryDomain
import SignatoryStore

/// Joins the pages a hub serves into one bundle, to be imported (and checked) as a whole.
///
/// ```swift
/// var assembler = try BundleAssembler(have: try store.versionVector(), folder: folder)
/// while true {
///     let page = try await hub.pull(have: assembler.have)
///     if try assembler.add(page: page) == 0 { break }
/// }
/// let report = try BundleImporter(store: store).importBundle(from: try assembler.finish())
/// ```
public struct BundleAssembler: Sendable {
    /// Positions held by the puller plus everything the pages so far carried: what to ask from next.
    public private(set) var have: [ID<Office>: Int64]
    public private(set) var changes: Int64 = 0
    /// The newest signed head seen for each feed.
    private var heads: [ID<Office>: FeedHead] = [:]
    private var last: BundleHeader?
    private let body: FileHandle
    private let bodyPath: String

    public init(have: [ID<Office>: Int64], folder: URL) throws {
        self.have = have
        let (bodyPath, handle) = try TemporaryFile.handle(in: folder.path, prefix: "signatory-pull-body")
        self.bodyPath = bodyPath
        self.body = handle
    }

    /// Adds one page; returns how many changes it carried.
    @discardableResult
    public mutating func add(page: Data) throws -> Int {
        guard let newline = page.firstIndex(of: UInt8(ascii: "\n")),
            let header = try? BundleHeader.parse(page[page.startIndex..<newline])
        else {
            throw SyncError.malformed(line: 1, "the hub's page does not start with a bundle header")
        }
        try self.body.write(contentsOf: page[page.index(after: newline)...])
        // The hub writes a page feed by feed, in the order of its heads, each from our position.
        // Header numbers are checked non-negative by `BundleHeader.parse`, so these cannot overflow.
        var left = header.changes
        for head in header.heads where left > 0 {
            let from = self.have[head.office] ?? 0
            let taken = min(left, head.sequence - from)
            guard taken > 0 else { continue }
            self.have[head.office] = from + taken
            left -= taken
        }
        // Every change a page announces continues a feed beyond what was pulled: a page that
        // repeats changes already pulled would otherwise keep a puller asking forever.
        guard left == 0 else {
            throw SyncError.malformed(line: 1, "the hub's page repeats changes already pulled")
        }
        for head in header.heads where (self.heads[head.office]?.sequence ?? 0) <= head.sequence {
            self.heads[head.office] = head
        }
        let (total, overflow) = self.changes.addingReportingOverflow(header.changes)
        guard !overflow else {
            throw SyncError.malformed(line: 1, "the hub's pages claim more changes than can be counted")
        }
        self.changes = total
        self.last = header
        return Int(header.changes)
    }

    /// Removes what was collected, when nothing is to be imported.
    public func discard() {
        try? self.body.close()
        unlink(self.bodyPath)
    }

    /// The joined bundle, to import: the header the pages' heads call for, then the pages'
    /// lines, read from the collected file (which is already unlinked: nothing stays behind).
    public func finish() throws -> LineReader {
        try self.body.close()
        defer { unlink(self.bodyPath) }
        guard let last = self.last else { throw SyncError.malformed(line: 1, "the hub sent no page") }
        // Only feeds that pages carried changes of need a head.
        let heads = self.heads.values.filter { $0.sequence <= (self.have[$0.office] ?? 0) }.sorted {
            $0.office < $1.office
        }
        let header = BundleHeader(
            from: last.from,
            fromName: last.fromName,
            have: last.have,
            heads: heads,
            changes: self.changes,
            haveSignature: last.haveSignature
        )
        return try LineReader(prefix: [UInt8](try BundleHeader.line(header)), path: self.bodyPath)
    }
}
