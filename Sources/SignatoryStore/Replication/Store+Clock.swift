import Foundation
import SignatoryDomain

extension Store {
    /// The next hybrid timestamp for a local change, recorded so it is never issued twice.
    func tick(now: Date? = nil) throws -> HybridTimestamp {
        let last = try self.lastIssuedTimestamp ?? self.lastTimestamp()
        let next = HybridTimestamp.next(
            after: last,
            now: (now ?? self.clock()).storedMilliseconds,
            office: self.office.id
        )
        try self.database.prepare(
            "INSERT INTO clock (singleton, last) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET last = excluded.last"
        )
        .run(next.text)
        self.lastIssuedTimestamp = .some(next)
        return next
    }

    /// Moves the clock past a timestamp seen in another office's change.
    func observe(_ timestamp: HybridTimestamp) throws {
        try self.database.prepare(
            """
            INSERT INTO clock (singleton, last) VALUES (1, ?)
            ON CONFLICT (singleton) DO UPDATE SET last = excluded.last WHERE excluded.last > clock.last
            """
        ).run(timestamp.text)
        self.lastIssuedTimestamp = nil
    }

    func lastTimestamp() throws -> HybridTimestamp? {
        try self.database.prepare("SELECT last FROM clock").firstRow { HybridTimestamp(text: $0.text(0)) } ?? nil
    }
}
