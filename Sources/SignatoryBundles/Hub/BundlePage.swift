public import SignatoryDomain
import SignatoryStore

/// One page of what a peer lacks, as the hub serves it: a bundle header naming the signed head
/// of every feed the peer is behind on, then at most `limit` changes, feed by feed in order.
///
/// A page may stop inside a feed, so it is not a bundle of its own: ``BundleAssembler`` joins
/// the pages into one bundle, which is then checked against the heads as a file import is.
extension BundleExporter {
    public struct Page: Sendable {
        public let changes: Int
        /// Changes the peer still lacks after this page.
        public let remaining: Int64
    }

    /// The page for a peer holding `have` (positions by office): its bytes and what it holds.
    ///
    /// - Parameter only: the feeds the peer accepts (the offices it trusts); `nil` for all.
    public func page(
        have: [ID<Office>: Int64],
        only: Set<ID<Office>>? = nil,
        limit: Int
    ) throws -> (bytes: [UInt8], page: Page) {
        try self.store.transaction {
            try self.signOwnHead()
            let heads = try self.store.feedHeads().filter { head in
                head.sequence > (have[head.office] ?? 0) && only.map { $0.contains(head.office) } != false
            }
            let total = heads.reduce(Int64(0)) { $0 + $1.sequence - (have[$1.office] ?? 0) }
            let count = Int(min(Int64(limit), total))
            let header = try self.header(have: try self.store.versionVector(), heads: heads, changes: Int64(count))
            var buffer = [UInt8](try BundleHeader.line(header))
            var written = 0
            for head in heads where written < count {
                let from = have[head.office] ?? 0
                let through = min(head.sequence, from + Int64(count - written))
                try self.store.forEachLine(of: head.office, after: from, through: through) { line in
                    buffer.append(contentsOf: line.utf8)
                    buffer.append(UInt8(ascii: "\n"))
                }
                written += Int(through - from)
            }
            return (buffer, Page(changes: written, remaining: total - Int64(written)))
        }
    }
}
