import Foundation
import SignatoryDomain

extension Store {
    /// The next hybrid timestamp for a local change, recorded so it is never issued twice: in
    /// memory at once, and in the clock row when the transaction commits (``committingClock(_:)``).
    func tick(now: Date? = nil) throws -> HybridTimestamp {
        let last = try self.lastIssuedTimestamp ?? self.lastTimestamp()
        let next = HybridTimestamp.next(
            after: last,
            now: (now ?? self.clock()).storedMilliseconds,
            office: self.office.id
        )
        self.lastIssuedTimestamp = .some(next)
        self.unwrittenClock = next
        return next
    }

    /// Runs the body of an outermost transaction, then writes the clock row before it commits,
    /// so that a committed change's timestamp is never above the clock's stored reading.
    func committingClock<T>(_ body: () throws -> T) throws -> T {
        let result = try body()
        try self.writeClock()
        return result
    }

    private func writeClock() throws {
        guard let clock = self.unwrittenClock else { return }
        try self.database.prepare(
            "INSERT INTO clock (singleton, last) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET last = excluded.last"
        )
        .run(clock.text)
        self.unwrittenClock = nil
    }

    /// Moves the clock past a timestamp seen in another office's change.
    func observe(_ timestamp: HybridTimestamp) throws {
        try self.writeClock()
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
