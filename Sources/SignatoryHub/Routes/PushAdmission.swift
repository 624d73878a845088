import Synchronization

/// The bytes of push bodies the hub holds at once, being read or waiting for their batch. A push
/// that would take them past the limit is told to come back (503, which offices retry after a
/// growing wait), so the hub's memory does not grow with the number of pushes sent at once.
///
/// ```swift
/// guard admission.admit(bytes) else { throw HubError.unavailable("…") }
/// defer { admission.release(bytes) }
/// ```
final class PushAdmission: Sendable {
    let limit: Int
    private let held = Mutex(0)

    /// Room for four pushes of the largest body, and at least 256 MiB.
    init(maximumBodyBytes: Int) {
        // Saturating: the configuration is public API, and a huge body limit must not trap here.
        let four = maximumBodyBytes.multipliedReportingOverflow(by: 4)
        self.limit = max(four.overflow ? .max : four.partialValue, 256 << 20)
    }

    /// Reserves `bytes` for a push; `false` when they do not fit. A push always fits when none is held.
    func admit(_ bytes: Int) -> Bool {
        self.held.withLock { held in
            guard held == 0 || bytes <= self.limit - held else { return false }
            held += bytes
            return true
        }
    }

    func release(_ bytes: Int) {
        self.held.withLock { $0 -= bytes }
    }
}
