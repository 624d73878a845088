public import SignatoryDomain
import SignatoryStore

/// A push in pages, so that a backlog of any size reaches the hub under its body limit. Each
/// page is a whole bundle of its own, checked and applied by the hub as one: this office's feed
/// is cut every `limit` changes at a head this office signs for the cut; another office's feed
/// travels whole in a page of its own, since only its author can sign a head for it.
///
/// A change whose values an erasure removed goes in the page of that erasure or after it, as the
/// hub refuses it otherwise. When the feeds left each need an erasure another of them carries,
/// they go together in one page.
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
        /// The one feed the page carries, or `nil` when it carries every feed the hub lacks.
        public let office: ID<Office>?
        public let changes: Int64
    }

    public func nextPushPage(known: [ID<Office>: Int64], limit: Int) throws -> PushPage? {
        try self.store.transaction {
            try self.signOwnHead()
            let own = self.store.office.id
            let behind = try self.store.feedHeads().filter { $0.sequence > (known[$0.office] ?? 0) }
            for head in behind where head.office != own {
                let from = max(known[head.office] ?? 0, 0)
                let redacted = try self.store.redactedChanges(of: head.office, after: from, through: head.sequence)
                if redacted.allSatisfy({ Self.isVouched($0, known: known, page: head.office, through: head.sequence) })
                {
                    return try self.page(of: [head], known: known, office: head.office)
                }
            }
            if let ownHead = behind.first(where: { $0.office == own }),
                let through = try self.ownPageEnd(ownHead, known: known, limit: limit)
            {
                let head = through == ownHead.sequence ? ownHead : try self.ownHead(at: through)
                return try self.page(of: [head], known: known, office: own)
            }
            guard !behind.isEmpty else { return nil }
            return try self.page(of: behind, known: known, office: nil)
        }
    }

    /// Where a page of this office's feed ends: after `limit` changes, or further to take along
    /// an erasure of its own that a change in the page needs, or before a change whose erasure is
    /// in a feed the hub lacks; `nil` when the first change waits for such a feed.
    private func ownPageEnd(_ head: FeedHead, known: [ID<Office>: Int64], limit: Int) throws -> Int64? {
        let own = head.office
        // `known` is below the head here, so the page's end is computed without overflow.
        let from = max(known[own] ?? 0, 0)
        var through = from + min(head.sequence - from, Int64(max(limit, 1)))
        var scanned = from
        scanning: while scanned < through {
            let stretch = try self.store.redactedChanges(of: own, after: scanned, through: through)
            scanned = through
            for change in stretch where !Self.isVouched(change, known: known, page: own, through: through) {
                if let later = change.erasures.filter({ $0.office == own }).map(\.sequence).min() {
                    through = max(through, later)
                } else {
                    through = change.sequence - 1
                    break scanning
                }
            }
        }
        return through > from ? through : nil
    }

    /// Whether the hub holds an erasure that vouches for `change`, or the page carrying `office`'s
    /// feed through `through` does.
    private static func isVouched(
        _ change: Store.RedactedChange,
        known: [ID<Office>: Int64],
        page office: ID<Office>,
        through: Int64
    ) -> Bool {
        change.erasures.contains {
            $0.sequence <= (known[$0.office] ?? 0) || ($0.office == office && $0.sequence <= through)
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

    /// A bundle of the feeds `heads` end, from what the peer holds through each head.
    private func page(of heads: [FeedHead], known: [ID<Office>: Int64], office: ID<Office>?) throws -> PushPage {
        let changes = heads.reduce(Int64(0)) { $0 + $1.sequence - max(known[$1.office] ?? 0, 0) }
        let header = try self.header(have: try self.store.versionVector(), heads: heads, changes: changes)
        var bytes = [UInt8](try BundleHeader.line(header))
        for head in heads {
            try self.store.forEachLine(of: head.office, after: max(known[head.office] ?? 0, 0), through: head.sequence)
            {
                line in
                bytes.append(contentsOf: line.utf8)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        return PushPage(bytes: bytes, office: office, changes: changes)
    }
}
