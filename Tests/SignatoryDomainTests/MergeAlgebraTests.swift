import Foundation
import SignatoryDomain
import TestSupport
import Testing

/// Property: a record's settled state depends only on the set of changes applied to it, never
/// on their order or on repeats. 100,000 random histories (`SIGNATORY_MERGE_CASES` for more,
/// `SIGNATORY_SEED` to replay one), each applied in order and as a shuffled, duplicated stream.
struct MergeAlgebraTests {
    static let cases = Int(ProcessInfo.processInfo.environment["SIGNATORY_MERGE_CASES"] ?? "") ?? 100_000
    static let firstSeed: UInt64 = 20_261_202
    static let batches = 4
    static let offices = (0..<3).map { _ in ID<Office>() }
    /// A rule of each kind: latest wins, and a preferred value (`atRisk: true`) wins.
    static let fields = ["fullName", "email", "atRisk", "consent"]

    @Test(arguments: 0..<Self.batches)
    func settlingIgnoresOrderAndRepeats(batch: Int) {
        let seeds = SeededRandom.seeds(batch: batch, of: Self.batches, count: Self.cases, first: Self.firstSeed)
        var withConflicts = 0
        for seed in seeds {
            var random = SeededRandom(seed: seed)
            let history = Self.history(&random)
            let inOrder = Self.settled(history)
            var stream = history + history.filter { _ in Bool.random(using: &random) }
            stream.shuffle(using: &random)
            let shuffled = Self.settled(stream)
            if inOrder != shuffled {
                Issue.record("seed \(seed): \(inOrder) differs from \(shuffled) after reordering")
                return
            }
            if !inOrder.conflicts.isEmpty { withConflicts += 1 }
        }
        // The histories must actually hold concurrent edits, or the property says little.
        #expect(seeds.count < 20 || withConflicts * 5 > seeds.count)
    }

    /// Settled values and open conflicts, in a form that does not depend on arrival order.
    struct Outcome: Equatable, CustomStringConvertible {
        var values: [String: String]
        var conflicts: Set<String>
        var description: String {
            "values \(self.values.sorted { $0.key < $1.key }), conflicts \(self.conflicts.sorted())"
        }
    }

    static func settled(_ changes: [Change]) -> Outcome {
        var state = RecordState()
        for change in changes { state.apply(change) }
        let (versions, conflicts) = state.settle(.contact)
        return Outcome(
            values: versions.mapValues { "\($0.timestamp.text)=\($0.value.storageText)" },
            conflicts: Set(conflicts.map { "\($0.field) \($0.winner.timestamp.text) \($0.loser.timestamp.text)" })
        )
    }

    /// Offices that each see a random part of what the others wrote, and replace what they saw.
    static func history(_ random: inout SeededRandom) -> [Change] {
        var changes: [Change] = []
        var seen = Array(repeating: Set<Int>(), count: Self.offices.count)
        for step in 0..<Int.random(in: 2...10, using: &random) {
            let author = Int.random(in: 0..<Self.offices.count, using: &random)
            // The author first hears of some earlier changes (a partial sync).
            for index in changes.indices where Bool.random(using: &random) { seen[author].insert(index) }
            var fields: [String: FieldAssignment] = [:]
            for name in Self.fields where fields.isEmpty || Int.random(in: 0..<3, using: &random) == 0 {
                let bases = seen[author].compactMap { changes[$0].fields[name] != nil ? changes[$0].timestamp : nil }
                let value: FieldValue =
                    name == "atRisk" || name == "consent"
                    ? .bool(Bool.random(using: &random)) : .text("v\(Int.random(in: 0..<4, using: &random))")
                fields[name] = FieldAssignment(value: value, bases: bases)
            }
            let time = HybridTimestamp(
                physical: 1_800_000_000_000 + Int64(step / 2),
                counter: step,
                office: Self.offices[author]
            )
            seen[author].insert(changes.count)
            changes.append(
                Change(
                    office: Self.offices[author],
                    sequence: Int64(step + 1),
                    timestamp: time,
                    kind: .contact,
                    entityID: "c",
                    fields: fields,
                    previousHash: "",
                    hash: ""
                )
            )
        }
        return changes
    }
}
