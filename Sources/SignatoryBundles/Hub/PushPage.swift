public import SignatoryDomain
import SignatoryStore

/// A push in pages, so that a backlog of any size reaches the hub under its body limit. Each
/// page is a whole bundle of its own, checked and applied by the hub as one: this office's feed
/// is cut every `limit` changes at a head this office signs for the cut; another office's feed
/// travels whole in a page of its own, since only its author can sign a head for it.
///
/// ```swift
/// var known = hubVector
/// while let page = try exporter.nextPushPage(known: known, limit: 5_000) {
///     known = try send(page.bytes)   // the hub's vector after applying the page
/// }
/// ```
extension BundleExporter {
    public struct PushPage: Sendable {
        public let bytes: [UInt8]
        /// The one feed the page carries.
        public let office: ID<Office>
        public let changes: Int64
    }

    public func nextPushPage(known: [ID<Office>: Int64], limit: Int) throws -> PushPage? {
        try self.store.transaction {
            try self.signOwnHead()
            let own = self.store.office.id
            let behind = try self.store.feedHeads().filter { $0.sequence > (known[$0.office] ?? 0) }
            let head: FeedHead
            if let other = behind.first(where: { $0.office != own }) {
                head = other
            } else if let ownHead = behind.first {
                // `known` is below the head here, so the page's end is computed without overflow.
                let from = max(known[own] ?? 0, 0)
                let through = from + min(ownHead.sequence - from, Int64(max(limit, 1)))
                head = through == ownHead.sequence ? ownHead : try self.ownHead(at: through)
            } else {
                return nil
            }
            return try self.page(of: head, known: known)
        }
    }

    /// This office's feed signed at `sequence`, where a page cuts it.
    private func ownHead(at sequence: Int64) throws -> FeedHead {
        let own = self.store.office.id
        guard let hash = try self.store.changeHash(office: own, sequence: sequence) else {
            throw StoreError.notFound("change", reference: "\(own) #\(sequence)")
        }
        let message = FeedHead.message(office: own, sequence: sequence, hash: hash)
        return FeedHead(
            office: own,
            sequence: sequence,
            hash: hash,
            signature: try self.store.officeKeys().sign(message)
        )
    }

    /// A bundle of one feed, from what the peer holds through `head`.
    private func page(of head: FeedHead, known: [ID<Office>: Int64]) throws -> PushPage {
        let from = max(known[head.office] ?? 0, 0)
        let changes = head.sequence - from
        let header = try self.header(have: try self.store.versionVector(), heads: [head], changes: changes)
        var bytes = [UInt8](try BundleHeader.line(header))
        try self.store.forEachLine(of: head.office, after: from, through: head.sequence) { line in
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return PushPage(bytes: bytes, office: head.office, changes: changes)
    }
}
