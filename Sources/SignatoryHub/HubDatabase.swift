import Dispatch
import SignatoryStore

/// The hub's one SQLite connection, used from one serial queue so that requests arriving on
/// many threads take turns, and blocking SQLite work stays off Swift's cooperative threads.
final class HubDatabase: @unchecked Sendable {
    // `store` is touched only on `queue`, which is what makes sharing this class safe.
    private let store: Store
    private let queue = DispatchQueue(label: "signatory.hub.database")

    init(path: String) throws {
        // A busy database answers 503 after two seconds rather than holding every request.
        self.store = try Store.open(at: path, busyTimeoutMilliseconds: 2_000)
    }

    /// Runs `body` with the store on the database queue.
    func run<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            self.queue.async {
                continuation.resume(with: Result { try body(self.store) })
            }
        }
    }
}
