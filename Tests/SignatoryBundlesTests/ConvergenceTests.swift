import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// Property: after any schedule of offline edits and partial exchanges, a full exchange leaves
/// every office with the same data, and every value written concurrently is either shown or
/// kept as an open conflict.
///
/// `Scripts/test` runs 1,000 schedules; `SIGNATORY_SCHEDULES=20000` runs more, and
/// `SIGNATORY_SEED=N` replays one.
struct ConvergenceTests {
    static let schedules = Int(ProcessInfo.processInfo.environment["SIGNATORY_SCHEDULES"] ?? "") ?? 1_000
    static let firstSeed: UInt64 = 20_261_129

    /// The schedules run in batches, which Swift Testing runs in parallel.
    static let batches = 8

    @Test(arguments: 0..<Self.batches)
    func randomSchedulesConverge(batch: Int) throws {
        let seeds = SeededRandom.seeds(batch: batch, of: Self.batches, count: Self.schedules, first: Self.firstSeed)
        if seeds.isEmpty { return }
        var conflicted = 0
        var erased = 0
        var laterField = 0
        var laterKind = 0
        for seed in seeds {
            let outcome = try self.check(seed: seed)
            if outcome.conflicted { conflicted += 1 }
            if outcome.erased { erased += 1 }
            if outcome.laterField { laterField += 1 }
            if outcome.laterKind { laterKind += 1 }
        }
        print(
            "convergence batch \(batch): \(seeds.count) schedules (seeds \(Self.firstSeed) + \(batch) + k·\(Self.batches)), \(conflicted) ended with open conflicts, \(erased) with an erased contact, \(laterField) with a field and \(laterKind) with a record kind of format 2.1"
        )
        // The schedules must actually exercise concurrent edits, erasures and offices on a later
        // minor, or the property says little.
        #expect(
            seeds.count < 20
                || (conflicted * 4 > seeds.count && erased * 10 > seeds.count && laterField * 10 > seeds.count
                    && laterKind * 10 > seeds.count)
        )
    }

    /// Returns whether the schedule ended with open conflicts, with an erased contact, with a
    /// field and with a record kind of format 2.1.
    private func check(seed: UInt64) throws -> (conflicted: Bool, erased: Bool, laterField: Bool, laterKind: Bool) {
        var schedule = try RandomSchedule(seed: seed, offices: 3 + Int(seed % 3))
        do {
            try schedule.run(steps: 18)
            try schedule.fixture.exchangeFully()
        } catch {
            Issue.record("seed \(seed): \(error)")
            return (false, false, false, false)
        }
        let dumps = try schedule.fixture.offices.map { try $0.canonicalDump() }
        for (index, dump) in dumps.enumerated().dropFirst() where dump != dumps[0] {
            let first = Set(dumps[0].split(separator: "\n"))
            let other = Set(dump.split(separator: "\n"))
            Issue.record(
                "seed \(seed): office \(index) differs from office 0:\n- \(first.subtracting(other).sorted().joined(separator: "\n- "))\n+ \(other.subtracting(first).sorted().joined(separator: "\n+ "))"
            )
            return (false, false, false, false)
        }
        // Small batches find the duplicate pairs of the organisations they rewrote, one by one:
        // a pass over every organisation finds the same.
        let first = schedule.fixture.offices[0]
        _ = try first.transaction { try first.refreshDuplicates() }
        #expect(try first.canonicalDump() == dumps[0], "seed \(seed): a full pass finds other duplicate pairs")
        for store in schedule.fixture.offices {
            try Self.expectNoValueVanished(in: store, seed: seed)
            try Self.expectErasedContactsGone(in: store, seed: seed)
        }
        try Self.expectNothingUnknownLost(in: schedule.fixture.offices, seed: seed)
        return (
            try !first.conflicts().isEmpty, try first.database.integer("SELECT count(*) FROM contact_erasure") > 0,
            try first.database.integer("SELECT count(*) FROM change_log WHERE instr(line, '\"pronouns\"') > 0") > 0,
            try first.database.integer("SELECT count(*) FROM unapplied_change") > 0
        )
    }

    /// Every office holds every change of every feed, those of a later minor included, and each
    /// line is identical everywhere but where an erasure redacted it: the dumps compare the
    /// merged fields and the unapplied changes, this compares the lines themselves.
    static func expectNothingUnknownLost(in offices: [Store], seed: UInt64) throws {
        let logs = try offices.map { store in
            try store.database.prepare("SELECT office, sequence, hash, line FROM change_log ORDER BY 1, 2").rows {
                "\($0.text(0)) \($0.integer(1)) \($0.text(2)) \($0.text(3))"
            }
        }
        for (index, log) in logs.enumerated().dropFirst() {
            #expect(log == logs[0], "seed \(seed): office \(index) holds other changes than office 0")
        }
    }

    /// An erasure wins: an erased contact shows nowhere, and no change held of it keeps a value
    /// of the person, whatever arrived before or after the erasure.
    static func expectErasedContactsGone(in store: Store, seed: UInt64) throws {
        let erased = try store.database.prepare("SELECT id FROM contact_erasure").rows { $0.text(0) }
        for id in erased {
            #expect(try store.database.integer("SELECT count(*) FROM contact WHERE id = ?", id) == 0, "seed \(seed)")
            let held = try store.changes(of: EntityRef(.contact, id))
            #expect(!held.isEmpty && !held.contains(where: \.holdsErasableValues), "seed \(seed): \(id) comes back")
        }
    }

    /// Every head of every field is the settled value, an equal value, or an open conflict.
    static func expectNoValueVanished(in store: Store, seed: UInt64) throws {
        let conflicts = Set(
            try store.conflicts().map { "\($0.record.rawValue) \($0.recordID) \($0.field) \($0.loser.timestamp.text)" }
        )
        let refs = try store.database.prepare("SELECT kind, entity_id FROM entity_state").rows {
            EntityRef(try $0.choice(0), $0.text(1))
        }
        for ref in refs {
            let state = try #require(try store.loadState(of: ref))
            let settled = state.settle(ref.kind).versions
            for (field, versions) in state.fields {
                for head in versions.heads
                where head.value != settled[field]?.value && ref.kind.rule(for: field) != .earliestWithoutConflict {
                    #expect(
                        conflicts.contains("\(ref.kind.rawValue) \(ref.id) \(field) \(head.timestamp.text)"),
                        "seed \(seed): \(ref.kind.rawValue) \(ref.id) \(field) = \(head.value) vanished"
                    )
                }
            }
        }
    }
}
