import Dispatch
import Synchronization

/// Holds each office's push until every office has its first page ready, then lets them all go
/// at once. On its own computer an office builds its page in milliseconds; here 50 offices build
/// theirs on the hub's 2 cores, about half a second in which the hub has nothing to do yet. The
/// time from the release to the last answer is the hub's own.
final class StartingLine: Sendable {
    private let runners: Int
    private let arrived = Mutex((count: 0, releasedAt: UInt64?.none))
    private let gate = DispatchSemaphore(value: 0)

    init(runners: Int) {
        self.runners = runners
    }

    /// When the last office arrived, in `DispatchTime` nanoseconds; `nil` if one never did.
    var releasedAt: UInt64? { self.arrived.withLock { $0.releasedAt } }

    /// Waits, blocking the office's own thread, until every office has arrived; throws if one has
    /// not within a minute (it failed before sending), so that no office waits forever.
    func arrive() throws {
        let last = self.arrived.withLock { arrived in
            arrived.count += 1
            guard arrived.count == self.runners else { return false }
            arrived.releasedAt = DispatchTime.now().uptimeNanoseconds
            return true
        }
        if last {
            for _ in 1..<self.runners { self.gate.signal() }
        } else if self.gate.wait(timeout: .now() + 60) == .timedOut {
            throw BenchFailure("an office never had its first page ready")
        }
    }
}
