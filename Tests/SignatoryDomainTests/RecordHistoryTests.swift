import SignatoryDomain
import Testing

struct RecordHistoryTests {
    static let geneva = ID<Office>()
    static let bucharest = ID<Office>()

    static func change(
        _ office: ID<Office>,
        at physical: Int64,
        email: String,
        replacing bases: [HybridTimestamp]
    ) -> Change {
        Change(
            office: office,
            sequence: physical,
            timestamp: HybridTimestamp(physical: 1_800_000_000_000 + physical, counter: 0, office: office),
            kind: .contact,
            entityID: "c",
            fields: ["email": FieldAssignment(value: .text(email), bases: bases)],
            previousHash: "",
            hash: ""
        )
    }

    /// Two offices change one address at the same time: each replaced the first value, and the
    /// later one is not shown replacing the other office's (review 61).
    @Test func aConcurrentEditShowsTheValueItReplaced() {
        let first = Self.change(Self.geneva, at: 1, email: "t.valle@example.org", replacing: [])
        let bucharest = Self.change(Self.bucharest, at: 2, email: "thierry@example.fr", replacing: [first.timestamp])
        let geneva = Self.change(Self.geneva, at: 3, email: "director@example.org", replacing: [first.timestamp])
        let settled = Self.change(
            Self.bucharest,
            at: 4,
            email: "director@example.org",
            replacing: [bucharest.timestamp, geneva.timestamp]
        )
        let entries = RecordHistory.entries(of: [settled, geneva, bucharest, first])
        let olds = entries.map { $0.edits.first?.old }
        #expect(
            olds == [
                nil, .text("t.valle@example.org"), .text("t.valle@example.org"), .text("director@example.org"),
            ]
        )
        #expect(entries.map(\.office) == [Self.geneva, Self.bucharest, Self.geneva, Self.bucharest])
    }

    /// A change made at the same time as the first value replaced nothing.
    @Test func aValueWrittenAlongsideTheFirstReplacedNothing() {
        let first = Self.change(Self.geneva, at: 1, email: "t.valle@example.org", replacing: [])
        let other = Self.change(Self.bucharest, at: 2, email: "thierry@example.fr", replacing: [])
        #expect(RecordHistory.entries(of: [first, other]).map { $0.edits.first?.old } == [nil, nil])
    }
}
