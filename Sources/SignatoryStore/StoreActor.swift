import Dispatch

/// One SQLite connection that a server's requests share. Requests take turns on it as on any
/// actor, and the actor runs on a thread of its own, so blocking SQLite work stays off Swift's
/// cooperative threads.
///
/// ```swift
/// let database = try StoreActor(path: "geneva.db")
/// let names = try await database.run { store in try store.campaigns().map(\.name) }
/// ```
public actor StoreActor {
    private let store: Store
    private let executor = DatabaseExecutor()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { self.executor.asUnownedSerialExecutor() }

    /// Opens the database; a busy one fails a request after two seconds rather than holding every request.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 2_000) throws {
        self.store = try Store.open(at: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Runs `body` with the store, after the requests before it.
    public func run<T: Sendable>(_ body: @Sendable (Store) throws -> T) throws -> T {
        try body(self.store)
    }
}

/// Runs the database actor's work, one job at a time, on a dispatch queue's thread.
private final class DatabaseExecutor: SerialExecutor {
    private let queue = DispatchQueue(label: "signatory.store.actor")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = self.asUnownedSerialExecutor()
        self.queue.async { job.runSynchronously(on: executor) }
    }
}
