public import SignatoryDomain

/// Other offices' changes, once their carrier has verified them, applied here in one place.
///
/// ```swift
/// let summary = try store.receive(from: peer) { batch in
///     for (change, line) in verified { try batch.apply(change, line: line) }
///     return ReceivedFeeds(heads: signedHeads, peerHas: vector)
/// }
/// ```
extension Store {
    /// Applies the changes `body` hands to its batch, all of them or none, and then:
    /// brings the record tables up to date, moves the clock past the newest change, saves the
    /// feeds' signed heads, learns what `peer` holds and refreshes the possible duplicates.
    ///
    /// The caller verifies each change (signature, hash chain, skew) before applying it.
    public func receive(
        from peer: ID<Office>,
        _ body: (inout ReceivedBatch) throws -> ReceivedFeeds
    ) throws -> ReceivedSummary {
        try self.transaction {
            var batch = ReceivedBatch(store: self)
            let feeds = try body(&batch)
            for change in batch.redacted { try self.requireErasureVouches(for: change) }
            for head in feeds.heads { try self.saveFeedHead(head) }
            batch.organisations.add(try self.materialize(Set(batch.touched.keys), known: batch.touched))
            if let latest = batch.latest { try self.observe(latest) }
            try self.learn(that: peer, has: feeds.peerHas)
            // Within a bulk import, counted before its pairs are found, at its end.
            try self.refreshOrDeferDuplicates(of: batch.organisations)
            return ReceivedSummary(
                applied: batch.applied,
                openConflicts: try self.conflictCount(),
                duplicatePairs: try self.duplicatePairCount()
            )
        }
    }
}

/// The changes of one `Store.receive`, applied as they are handed over.
public struct ReceivedBatch: ~Copyable {
    let store: Store
    fileprivate var touched: [EntityRef: FieldMap] = [:]
    fileprivate var organisations = RewrittenOrganisations()
    fileprivate var latest: HybridTimestamp?
    /// Received changes with values removed, checked against the erasures once all are applied.
    fileprivate var redacted: [Change] = []
    /// How many changes were applied so far.
    public private(set) var applied = 0

    fileprivate init(store: Store) {
        self.store = store
    }

    /// Appends a verified change to its feed and adds its versions to its record.
    ///
    /// - Parameter line: the change's JSON line as received, stored and relayed verbatim.
    public mutating func apply(_ change: Change, line: String) throws {
        let settled = try self.store.applyVersions(of: change)
        // A change of a contact erased here is kept and relayed without the person's values.
        let erased = change.holdsErasableValues && settled[EntityKind.erasedField] != nil
        try self.store.appendToLog(change, line: erased ? change.redacted.jsonLine : line)
        if change.hasErasedValues { self.redacted.append(change) }
        self.touched[EntityRef(change.kind, change.entityID)] = settled
        if self.latest.map({ $0 < change.timestamp }) ?? true { self.latest = change.timestamp }
        self.applied += 1
        // The record tables are brought up to date in slices, so memory stays bounded.
        if self.touched.count >= 10_000 {
            self.organisations.add(try self.store.materialize(Set(self.touched.keys), known: self.touched))
            self.touched.removeAll(keepingCapacity: true)
        }
    }
}

extension ReceivedBatch {
    /// Appends a verified change of a kind this release does not know to its feed, unapplied,
    /// to be relayed as received and applied by a release that knows the kind.
    public mutating func keep(_ change: UnappliedChange, line: String) throws {
        try self.store.keepUnapplied(change, line: line)
        if self.latest.map({ $0 < change.timestamp }) ?? true { self.latest = change.timestamp }
        self.applied += 1
    }
}

/// What a carrier verified about the feeds of a received batch.
public struct ReceivedFeeds: Sendable {
    /// The signed head of each feed, checked against what the batch added.
    public var heads: [FeedHead]
    /// How far into each feed the sending office is.
    public var peerHas: [ID<Office>: Int64]

    public init(heads: [FeedHead], peerHas: [ID<Office>: Int64]) {
        self.heads = heads
        self.peerHas = peerHas
    }
}

/// The outcome of `Store.receive`.
public struct ReceivedSummary: Sendable {
    public let applied: Int
    public let openConflicts: Int
    public let duplicatePairs: Int
}
