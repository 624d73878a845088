import Dispatch
import SignatoryStore

/// The hub's one SQLite connection. Requests take turns on it as on any actor, and the actor
/// runs on a thread of its own, so blocking SQLite work stays off Swift's cooperative threads.
actor HubDatabase {
    private let store: Store
    private let executor = DatabaseExecutor()

    nonisolated var unownedExecutor: UnownedSerialExecutor { self.executor.asUnownedSerialExecutor() }

    init(path: String) throws {
        // A busy database answers 503 after two seconds rather than holding every request.
        self.store = try Store.open(at: path, busyTimeoutMilliseconds: 2_000)
    }

    /// Runs `body` with the store, after the requests before it.
    func run<T: Sendable>(_ body: @Sendable (Store) throws -> T) throws -> T {
        try body(self.store)
    }
}

/// Runs the database actor's work, one job at a time, on a dispatch queue's thread.
private final class DatabaseExecutor: SerialExecutor {
    private let queue = DispatchQueue(label: "signatory.hub.database")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = self.asUnownedSerialExecutor()
        self.queue.async { job.runSynchronously(on: executor) }
    }
}
