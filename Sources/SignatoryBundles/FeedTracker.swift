import SignatoryDomain
import SignatoryStore

/// Follows each feed through an import: a change must extend the feed held so far by exactly
/// one position and name its predecessor's hash; one already held must be identical.
struct FeedTracker {
    let store: Store
    /// The last position and hash of each feed held here, including what the bundle added.
    private var ends: [ID<Office>: (sequence: Int64, hash: String)] = [:]
    /// The timestamp of each feed's last change, held or added: an office's clock only moves forward.
    private var lastTimestamps: [ID<Office>: HybridTimestamp] = [:]
    /// The furthest position of each feed that the bundle carries.
    private var carried: [ID<Office>: Int64] = [:]
    /// Whether the bundle signs this office's own feed further than it is held here. Only then can
    /// a copy of it that differs from the one held be the office's own past, sent before its
    /// database was restored; otherwise the signed head matches what is held and a differing line
    /// was altered on the way.
    private let ownFeedSignedFurther: Bool

    /// - Parameter heads: the bundle's heads, checked against what is held (`verifiedHeads`).
    init(store: Store, heads: [ID<Office>: FeedHead]) throws {
        self.store = store
        let own = store.office.id
        self.ownFeedSignedFurther =
            try heads[own].map { try store.changeHash(office: own, sequence: $0.sequence) == nil }
            ?? false
    }

    /// How far into each feed the bundle's writer is, as its changes show.
    var vector: [ID<Office>: Int64] { self.carried }

    /// Whether the change is already held (a replay); throws when it breaks the feed.
    mutating func isKnown(_ change: some FeedEntry) throws -> Bool {
        let office = change.office.description
        let end = try self.ends[change.office] ?? self.store.feedEnd(of: change.office)
        if change.sequence <= end.sequence {
            guard try self.store.changeHash(office: change.office, sequence: change.sequence) == change.hash else {
                throw self.forked(change, otherwise: .equivocation(office, change.sequence))
            }
            self.ends[change.office] = end
            self.carried[change.office] = max(self.carried[change.office] ?? 0, change.sequence)
            return true
        }
        guard change.sequence == end.sequence + 1 else {
            throw SyncError.brokenChain(office, change.sequence, "position \(end.sequence + 1) was expected next")
        }
        guard change.previousHash == end.hash else {
            throw self.forked(
                change,
                otherwise: .brokenChain(
                    office,
                    change.sequence,
                    "it does not follow the change held at position \(end.sequence): the bundle was altered on its way, "
                        + "or that office wrote a second feed, as an office restored from a backup after it had sent "
                        + "changes does until it runs `office recover`"
                )
            )
        }
        // Versions are told apart by their timestamps, and the earliest erasure names the
        // tombstone: a change dated at or before its predecessor in the same feed could hide a
        // value or take over an erasure.
        if let last = try self.lastTimestamps[change.office] ?? self.store.feedEndTimestamp(of: change.office),
            change.timestamp <= last
        {
            throw SyncError.brokenChain(
                office,
                change.sequence,
                "it is dated \(change.timestamp.date), not after the change before it (\(last.date)); "
                    + "an office's clock only moves forward"
            )
        }
        self.lastTimestamps[change.office] = change.timestamp
        self.ends[change.office] = (change.sequence, change.hash)
        self.carried[change.office] = change.sequence
        return false
    }

    /// A break in this office's own feed, signed further than it is held, means its database
    /// went back in time (a restored backup).
    private func forked(_ change: some FeedEntry, otherwise error: SyncError) -> SyncError {
        change.office == self.store.office.id && self.ownFeedSignedFurther ? .ownFeedForked(change.sequence) : error
    }

    /// Checks that the feed ends exactly at the signed head: nothing unsigned was added.
    func requireEnd(at head: FeedHead) throws {
        guard let held = try self.store.changeHash(office: head.office, sequence: head.sequence) else {
            throw SyncError.brokenChain(head.office.description, head.sequence, "the signed head's change is missing")
        }
        guard held == head.hash else { throw SyncError.equivocation(head.office.description, head.sequence) }
        if let last = self.carried[head.office], last > head.sequence {
            throw SyncError.unsigned(head.office.description, last)
        }
    }

    /// The same for a feed checked and not kept (an office revoked here): the lines the bundle
    /// carries must reach its signed head exactly.
    func requireCheckedEnd(at head: FeedHead) throws {
        if let last = self.carried[head.office], last > head.sequence {
            throw SyncError.unsigned(head.office.description, last)
        }
        guard let end = self.ends[head.office], end.sequence == head.sequence else {
            throw SyncError.brokenChain(head.office.description, head.sequence, "the signed head's change is missing")
        }
        guard end.hash == head.hash else { throw SyncError.equivocation(head.office.description, head.sequence) }
    }
}
