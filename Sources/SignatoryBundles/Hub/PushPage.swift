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
        /// The one feed the page carries, or `nil` when it carries several that must go together.
        public let office: ID<Office>?
        public let changes: Int64
        /// Every office whose feed the page carries.
        public let offices: [ID<Office>]
    }

    /// The next page to send: another office's feed that can go alone, else this office's own,
    /// else the feeds that need each other's erasures, together and no further than they must.
    ///
    /// - Parameter excluding: offices whose feeds the hub refused; they are left behind, and so
    ///   is whatever needs an erasure they carry.
    public func nextPushPage(
        known: [ID<Office>: Int64],
        limit: Int,
        excluding: Set<ID<Office>> = []
    ) throws -> PushPage? {
        // A continued database is refused by `signOwnHead`, inside the transaction.
        try self.store.transaction {
            try self.signOwnHead()
            let own = self.store.office.id
            let behind = try self.store.feedHeads().filter {
                $0.sequence > (known[$0.office] ?? 0) && !excluding.contains($0.office)
            }
            let others = behind.filter { $0.office != own }
            let ownHead = behind.first { $0.office == own }
            for head in others {
                let from = max(known[head.office] ?? 0, 0)
                let redacted = try self.store.redactedChanges(of: head.office, after: from, through: head.sequence)
                if redacted.allSatisfy({ Self.isVouched($0, known: known, carried: [head.office: head.sequence]) }) {
                    return try self.page(of: [head], known: known, office: head.office)
                }
            }
            if let ownHead, let through = try self.ownPageEnd(ownHead, known: known, limit: limit) {
                let head = through == ownHead.sequence ? ownHead : try self.ownHead(at: through)
                return try self.page(of: [head], known: known, office: own)
            }
            if let heads = try self.jointHeads(others, own: ownHead, known: known) {
                return try self.page(of: heads, known: known, office: nil)
            }
            // Nothing can go as the hub requires; without feeds set aside, send all and let the
            // hub's refusal say which change waits for which erasure.
            guard !behind.isEmpty, excluding.isEmpty else { return nil }
            return try self.page(of: behind, known: known, office: nil)
        }
    }

    /// Where a page of this office's feed ends: after `limit` changes if no change up to there
    /// waits for an erasure beyond it; else before the first such change; else, when even the
    /// first change waits, at the nearest erasure of its own that settles every wait. `nil` when
    /// that needs an erasure in another feed the page does not carry.
    ///
    /// - Parameters:
    ///   - carried: the ends of other feeds travelling in the same page.
    ///   - atLeast: a page that must reach this change (another feed in the page needs it).
    func ownPageEnd(
        _ head: FeedHead,
        known: [ID<Office>: Int64],
        limit: Int,
        carried: [ID<Office>: Int64] = [:],
        atLeast: Int64 = 0
    ) throws -> Int64? {
        // `known` is below the head here, so no sum below overflows.
        let from = max(known[head.office] ?? 0, 0)
        let target = max(from + min(head.sequence - from, Int64(max(limit, 1))), min(atLeast, head.sequence))
        // Each redacted change, with the position of this feed it needs the page to reach:
        // 0 when the hub or another feed of the page vouches for it, `.max` when only other feeds can.
        func needs(through last: Int64) throws -> [(sequence: Int64, reach: Int64)] {
            try self.store.redactedChanges(of: head.office, after: from, through: last).map { change in
                if Self.isVouched(change, known: known, carried: carried) { return (change.sequence, 0) }
                let ownErasure = change.erasures.filter { $0.office == head.office }.map(\.sequence).min()
                return (change.sequence, ownErasure ?? .max)
            }
        }
        let within = try needs(through: target)
        // The page may end at `end` when every change up to it needs nothing beyond it.
        func fits(_ end: Int64) -> Bool { !within.contains { $0.sequence <= end && $0.reach > end } }
        let cuts = [target] + within.map { $0.sequence - 1 }.reversed()
        if let end = cuts.first(where: { $0 > from && $0 >= atLeast && fits($0) }) { return end }
        var end = target
        while true {
            let reach = try needs(through: end).map(\.reach).max() ?? 0
            if reach == .max { return nil }
            if reach <= end { return end > from ? end : nil }
            end = reach
        }
    }

    /// Whether the hub holds an erasure that vouches for `change`, or a feed the page carries
    /// through `carried[office]` does.
    static func isVouched(
        _ change: Store.RedactedChange,
        known: [ID<Office>: Int64],
        carried: [ID<Office>: Int64]
    ) -> Bool {
        change.erasures.contains { $0.sequence <= max(known[$0.office] ?? 0, carried[$0.office] ?? 0) }
    }

    /// This office's feed signed at `sequence`, where a page cuts it.
    func ownHead(at sequence: Int64) throws -> FeedHead {
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
        return PushPage(bytes: bytes, office: office, changes: changes, offices: heads.map(\.office))
    }
}
