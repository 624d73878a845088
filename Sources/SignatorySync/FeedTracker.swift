import SignatoryDomain
import SignatoryStore

/// Follows each feed through an import: a change must extend the feed held so far by exactly
/// one position and name its predecessor's hash; one already held must be identical.
struct FeedTracker {
    let store: Store
    /// The last position and hash of each feed seen so far, here or in the bundle.
    private(set) var ends: [ID<Office>: Int64] = [:]

    init(store: Store) {
        self.store = store
    }

    /// Whether the change is already held (a replay); throws when it breaks the feed.
    mutating func isKnown(_ change: Change) throws -> Bool {
        let office = change.office.description
        if let held = try self.store.change(office: change.office, sequence: change.sequence) {
            guard held.hash == change.hash else { throw SyncError.equivocation(office, change.sequence) }
            self.note(change)
            return true
        }
        let end = try self.store.feedEnd(of: change.office)
        guard change.sequence == end.sequence + 1 else {
            throw SyncError.brokenChain(office, change.sequence, "position \(end.sequence + 1) was expected next")
        }
        guard change.previousHash == end.hash else {
            throw SyncError.brokenChain(office, change.sequence, "it does not follow the change before it")
        }
        self.note(change)
        return false
    }

    /// Checks that the feed ends exactly at the signed head: nothing unsigned was added.
    func requireEnd(at head: FeedHead) throws {
        guard let held = try self.store.change(office: head.office, sequence: head.sequence) else {
            throw SyncError.brokenChain(head.office.description, head.sequence, "the signed head's change is missing")
        }
        guard held.hash == head.hash else { throw SyncError.equivocation(head.office.description, head.sequence) }
        if let last = self.ends[head.office], last > head.sequence {
            throw SyncError.unsigned(head.office.description, last)
        }
    }

    private mutating func note(_ change: Change) {
        self.ends[change.office] = max(self.ends[change.office] ?? 0, change.sequence)
    }
}
