public import SignatoryDomain
public import SignatoryStore

/// What this office knows of every feed and every peer, as `signatory sync status` shows it.
public struct SyncStatus: Sendable {
    public struct Feed: Sendable {
        public let office: ID<Office>
        public let name: String?
        /// Changes of this feed held here.
        public let held: Int64
        /// The hash of the last change held, which `office revoke --after` takes to name it;
        /// `nil` when none is held.
        public let lastHash: String?
        /// The newest position the office signed.
        public let signedHead: Int64?
        /// The last change of this feed taken here, once its office's trust was revoked here.
        public let revokedAfter: Int64?
    }

    public struct Peer: Sendable {
        public let office: ID<Office>
        public let name: String?
        /// How far into each feed the peer is known to be.
        public let has: [ID<Office>: Int64]
        /// Changes held here that the peer is not known to have.
        public let behind: Int64
        /// Set once the peer's trust was revoked here: nothing is sent to it any more, so `behind`
        /// is not a backlog.
        public let revokedAfter: Int64?
    }

    public let office: OfficeCard
    public let feeds: [Feed]
    public let peers: [Peer]
    public let openConflicts: Int
    public let duplicatePairs: Int
    /// Where this office continues, once `office recover` continued it in another database.
    public let continuedIn: (office: ID<Office>, path: String)?
    /// The identity this office had before `office recover` continued it here, if it did.
    public var continues: ID<Office>? { self.office.succeeds?.office }

    public init(store: Store) throws {
        let names = Dictionary(uniqueKeysWithValues: try store.trustedOffices().map { ($0.id, $0.name) })
        let heads = Dictionary(uniqueKeysWithValues: try store.feedHeads().map { ($0.office, $0.sequence) })
        let vector = try store.versionVector()
        var revoked: [ID<Office>: Int64] = [:]
        for office in names.keys { revoked[office] = try store.trustRevocation(of: office)?.after }
        self.office = try store.officeCard()
        self.continuedIn = try store.successor()
        // An office revoked before this one held any of its changes is listed too, so that its
        // revocation shows.
        self.feeds = try Set(vector.keys).union(revoked.keys).sorted().map {
            let held = vector[$0] ?? 0
            return Feed(
                office: $0,
                name: names[$0],
                held: held,
                lastHash: held > 0 ? try store.changeHash(office: $0, sequence: held) : nil,
                signedHead: heads[$0],
                revokedAfter: revoked[$0]
            )
        }
        self.peers = try store.peerKnowledge().sorted { $0.key < $1.key }.map { peer, has in
            let behind = vector.reduce(Int64(0)) { total, feed in total + max(0, feed.value - (has[feed.key] ?? 0)) }
            return Peer(office: peer, name: names[peer], has: has, behind: behind, revokedAfter: revoked[peer])
        }
        self.openConflicts = try store.conflictCount()
        self.duplicatePairs = try store.duplicatePairs().count
    }
}
