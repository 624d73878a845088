/// What an office knows of one record's fields, from every change applied to it.
///
/// For each field: the versions no later change has replaced (its *heads*), the timestamps of
/// every replaced version (kept even before that version arrives, so arrival order does not
/// matter), and the newest replaced version, shown when no head is left. The field's merge rule
/// picks the settled value among the heads; the other heads are open conflicts.
///
/// ```swift
/// var state = RecordState()
/// for change in changes { state.apply(change) }   // any order, any repeats
/// let (versions, conflicts) = state.settle(.organisation)
/// ```
public struct RecordState: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        /// Versions no applied change has replaced.
        public package(set) var heads: [FieldVersion] = []
        /// The timestamps (as text) of every version some applied change replaced.
        public package(set) var replaced: Set<String> = []
        /// The newest replaced version: the value when no head is left.
        public package(set) var fallback: FieldVersion?

        package init() {}

        package mutating func retire(_ version: FieldVersion) {
            if self.fallback == nil || self.fallback!.timestamp < version.timestamp { self.fallback = version }
        }
    }

    public package(set) var fields: [String: Field] = [:]
    /// Open conflicts recorded for this record, so a record without any skips the bookkeeping.
    package var conflictCount = 0

    public init() {}

    /// Adds a change's versions. Applying the same change twice changes nothing.
    ///
    /// An erased record keeps only its erasure: the change that erases it drops every other field,
    /// and any change of it applied before or after adds nothing else, so the outcome is the same
    /// in any order. Erased values add nothing either.
    public mutating func apply(_ change: Change) {
        let erasing = change.erases || self.isErased
        for (name, assignment) in change.fields {
            // The hashes an erasure vouches for are kept with the log, not merged.
            if assignment.isErased || name == "formerLines" { continue }
            if erasing && !EntityKind.erasureFields.contains(name) { continue }
            var field = self.fields[name] ?? Field()
            let version = FieldVersion(timestamp: change.timestamp, value: assignment.value)
            if field.replaced.contains(version.timestamp.text) {
                field.retire(version)
            } else if !field.heads.contains(where: { $0.timestamp == version.timestamp }) {
                field.heads.append(version)
            }
            for base in assignment.bases {
                field.replaced.insert(base.text)
                if let index = field.heads.firstIndex(where: { $0.timestamp == base }) {
                    field.retire(field.heads.remove(at: index))
                }
            }
            self.fields[name] = field
        }
        if change.erases { self.fields = self.fields.filter { EntityKind.erasureFields.contains($0.key) } }
    }

    /// Whether an erasure of the record was applied.
    public var isErased: Bool { self.fields[EntityKind.erasedField] != nil }

    /// The settled value of each field, and the versions that lost to a concurrent one.
    public func settle(_ kind: EntityKind) -> (versions: [String: FieldVersion], conflicts: [Loss]) {
        var versions: [String: FieldVersion] = [:]
        var conflicts: [Loss] = []
        for (name, field) in self.fields {
            let rule = kind.rule(for: name)
            if let (winner, losers) = rule.settle(field.heads) {
                versions[name] = winner
                conflicts += losers.map { Loss(field: name, rule: rule, winner: winner, loser: $0) }
            } else if let fallback = field.fallback {
                versions[name] = fallback
            }
        }
        return (versions, conflicts)
    }

    /// A version that lost its field to a concurrent one: an open conflict.
    public struct Loss: Equatable, Sendable {
        public let field: String
        public let rule: MergeRule
        public let winner: FieldVersion
        public let loser: FieldVersion
    }
}
