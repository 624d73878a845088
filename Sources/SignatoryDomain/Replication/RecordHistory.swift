/// Every change to one record in the order of their timestamps, with each field's value before
/// and after, as `signatory history` prints it. Pure: the store hands it the changes.
///
/// ```swift
/// let entries = RecordHistory.entries(of: changes)
/// entries.last?.edits.first   // FieldEdit(field: "email", old: "a@x.org", new: "b@x.org")
/// ```
public enum RecordHistory {
    /// One change: when, at which office, and what it set.
    public struct Entry: Hashable, Sendable {
        public let timestamp: HybridTimestamp
        public let office: ID<Office>
        public let sequence: Int64
        public let edits: [FieldEdit]
    }

    /// A field's value before the change: the version it replaced (the latest of those it names,
    /// as the office that wrote it saw them), `nil` when it replaced none (it set the field
    /// first, or at the same time as another office); and the value the change set. A value an
    /// erasure removed reads as `.null`, and says so: it was not cleared.
    public struct FieldEdit: Hashable, Sendable {
        public let field: String
        public let old: FieldValue?
        public let new: FieldValue
        public var oldErased: Bool = false
        public var newErased: Bool = false
        /// Whether the change replaced a version this office does not hold (set aside from an
        /// office revoked here, say): then `old` is `nil`, unknown rather than unset.
        public var oldNotHeld: Bool = false
    }

    /// The changes of one record, oldest first. Concurrent edits are listed in timestamp order,
    /// each with the value it replaced, not the other office's that came between.
    public static func entries(of changes: [Change]) -> [Entry] {
        // Every version of each field, by the timestamp of the change that wrote it.
        var versions: [String: [HybridTimestamp: (value: FieldValue, erased: Bool)]] = [:]
        return changes.sorted { $0.timestamp < $1.timestamp }.map { change in
            let edits = change.fields.keys.sorted().map { field in
                let assignment = change.fields[field]!
                let new = (value: assignment.value, erased: assignment.commitment.isErased)
                defer { versions[field, default: [:]][change.timestamp] = new }
                // Bases are sorted: the latest held comes first from the end.
                let old = assignment.bases.reversed().lazy.compactMap { versions[field]?[$0] }.first
                return FieldEdit(
                    field: field,
                    old: old?.value,
                    new: new.value,
                    oldErased: old?.erased ?? false,
                    newErased: new.erased,
                    oldNotHeld: old == nil && !assignment.bases.isEmpty
                )
            }
            return Entry(timestamp: change.timestamp, office: change.office, sequence: change.sequence, edits: edits)
        }
    }
}
