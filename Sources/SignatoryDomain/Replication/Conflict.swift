/// A value that lost to a concurrent one and waits for a coordinator: kept, listed by
/// `signatory conflicts list`, settled by `signatory conflicts resolve`.
public struct Conflict: Hashable, Sendable, Identifiable {
    public let id: ID<Conflict>
    public let record: EntityKind
    public let recordID: String
    public let field: String
    /// `latest`, or the safety rule that decided (e.g. "withdrawn wins").
    public let rule: String
    public let winner: FieldVersion
    public let loser: FieldVersion

    public init(
        record: EntityKind,
        recordID: String,
        field: String,
        rule: String,
        winner: FieldVersion,
        loser: FieldVersion
    ) {
        self.id = Conflict.id(record: record, recordID: recordID, field: field, loser: loser.timestamp)
        self.record = record
        self.recordID = recordID
        self.field = field
        self.rule = rule
        self.winner = winner
        self.loser = loser
    }

    /// The rule of a conflict that lists a contact or signature hidden because its organisation
    /// was deleted at another office.
    public static let organisationDeletedRule = "organisation deleted"

    /// Every office derives the same id for the same losing version.
    public static func id(record: EntityKind, recordID: String, field: String, loser: HybridTimestamp) -> ID<Conflict> {
        .derived(from: "signatory.conflict\u{0}\(record.rawValue)\u{0}\(recordID)\u{0}\(field)\u{0}\(loser.text)")
    }
}

extension MergeRule {
    /// How a conflict list names the rule that made `winner` win: a preferred value that
    /// neither version holds decided nothing, so the latest won.
    ///
    /// ```swift
    /// MergeRule.prefer(.text("withdrawn")).name(winner: .text("signed"))  // "latest wins"
    /// ```
    public func name(winner: FieldValue) -> String {
        switch self {
        case .latest, .latestWithoutConflict: return "latest wins"
        case .earliestWithoutConflict: return "earliest wins"
        case .prefer(let value): return value == winner ? "\(value) wins" : "latest wins"
        }
    }
}
