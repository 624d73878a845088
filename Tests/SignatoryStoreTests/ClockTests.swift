import Foundation
import SignatoryDomain
import SignatoryStore
import Testing

/// The hybrid clock is written once per transaction: no timestamp may be issued twice, across
/// a rolled-back savepoint or a reopened file.
struct ClockTests {
    private struct Refused: Error {}

    /// The timestamps of this office's feed, in feed order.
    private func timestamps(_ store: Store) throws -> [HybridTimestamp] {
        let end = try store.feedEnd(of: store.office.id).sequence
        return try (1...end).map { sequence in
            try #require(try store.change(office: store.office.id, sequence: sequence)).timestamp
        }
    }

    @Test func aReopenedFileGoesOnFromTheLastTimestampCommitted() throws {
        let fixture = try StoreFixture()
        // A stopped wall clock: only the stored reading keeps timestamps apart.
        let frozen = Date(timeIntervalSince1970: 1_780_000_000)
        fixture.store.clock = { frozen }
        try fixture.store.transaction {
            for name in [
                "CAP Liberté de Conscience", "Romanian Independent Society of Human Rights", "Bridges of Faith",
            ] {
                try fixture.store.insert(Organisation(name: name))
            }
        }
        let reopened = try Store.open(at: fixture.path)
        reopened.clock = { frozen }
        try reopened.insert(Organisation(name: "European Federation for Freedom of Belief"))
        let issued = try self.timestamps(reopened)
        #expect(issued.count == 4)
        #expect(issued == issued.sorted() && Set(issued).count == issued.count)
    }

    @Test func aRolledBackChangeDoesNotHandAKeptTimestampOut() throws {
        let fixture = try StoreFixture()
        let frozen = Date(timeIntervalSince1970: 1_780_000_000)
        fixture.store.clock = { frozen }
        try fixture.store.transaction {
            try fixture.store.insert(Organisation(name: "CAP Liberté de Conscience"))
            #expect(throws: Refused.self) {
                try fixture.store.savepoint {
                    try fixture.store.insert(Organisation(name: "Bridges of Faith"))
                    throw Refused()
                }
            }
            try fixture.store.insert(Organisation(name: "Romanian Independent Society of Human Rights"))
        }
        let issued = try self.timestamps(fixture.store)
        #expect(issued.count == 2)
        #expect(issued[0] < issued[1])
    }
}
