/// One written value of a field: what was written and when.
public struct FieldVersion: Hashable, Sendable {
    public let timestamp: HybridTimestamp
    public let value: FieldValue

    public init(timestamp: HybridTimestamp, value: FieldValue) {
        self.timestamp = timestamp
        self.value = value
    }
}

/// How a field's concurrent values (the versions no later write has seen) are settled.
///
/// The same set of versions always gives the same winner, whatever order they arrived in.
public enum MergeRule: Hashable, Sendable {
    /// The latest hybrid timestamp wins; the others stay open as conflicts.
    case latest
    /// This value wins over any other (a withdrawal, an at-risk flag, a revoked consent);
    /// among versions that all have it or all lack it, the latest wins. Losers stay open as conflicts.
    case prefer(FieldValue)
    /// The earliest wins and nobody needs to be told (e.g. when a wording was first recorded).
    case earliestWithoutConflict
    /// The latest wins, as with ``latest``, and nobody needs to be told: the versions differ only
    /// in what the record's id already fixes (a wording's trailing spaces and line endings).
    case latestWithoutConflict

    /// The winner among `heads` and the versions to keep as open conflicts.
    ///
    /// ```swift
    /// let (winner, conflicts) = MergeRule.latest.settle([mine, theirs])
    /// ```
    public func settle(_ heads: [FieldVersion]) -> (winner: FieldVersion, conflicts: [FieldVersion])? {
        guard var winner = heads.first else { return nil }
        for candidate in heads.dropFirst() where self.beats(candidate, winner) { winner = candidate }
        if self == .earliestWithoutConflict || self == .latestWithoutConflict { return (winner, []) }
        // A concurrent write of the very same value is agreement, not a conflict.
        let conflicts = heads.filter { $0.value != winner.value }.sorted { $0.timestamp < $1.timestamp }
        return (winner, conflicts)
    }

    private func beats(_ a: FieldVersion, _ b: FieldVersion) -> Bool {
        switch self {
        case .latest, .latestWithoutConflict: return a.timestamp > b.timestamp
        case .earliestWithoutConflict: return a.timestamp < b.timestamp
        case .prefer(let preferred):
            let aPreferred = a.value == preferred
            let bPreferred = b.value == preferred
            if aPreferred != bPreferred { return aPreferred }
            return a.timestamp > b.timestamp
        }
    }
}
