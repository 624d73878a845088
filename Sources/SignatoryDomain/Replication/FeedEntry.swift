/// What places a change in its office's feed, whatever the change holds: the hash chain and the
/// signed heads are checked on these alone.
public protocol FeedEntry: Sendable {
    var format: ChangeFormat { get }
    var critical: Bool { get }
    var office: ID<Office> { get }
    var sequence: Int64 { get }
    var timestamp: HybridTimestamp { get }
    var previousHash: String { get }
    var hash: String { get }
}

extension Change: FeedEntry {}
