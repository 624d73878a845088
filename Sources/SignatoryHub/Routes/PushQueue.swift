import SignatoryBundles
import SignatoryStore

/// The pushes waiting for the hub's one database connection. Those that arrive while it is busy
/// are applied together, with one commit, when it is free; each is still checked, and refused,
/// on its own. Fifty offices pushing at once thus cost a few commits instead of fifty.
actor PushQueue {
    /// What became of one push, and the hub's version vector once its batch was committed.
    struct Outcome: Sendable {
        let report: Result<BundleImporter.Report, any Error>
        let have: [String: Int64]
    }

    /// At most this many pushes share a commit, so that no push waits behind a long queue's.
    static let largestBatch = 16

    private let database: StoreActor
    private var waiting: [(bundle: [UInt8], reply: CheckedContinuation<Outcome, any Error>)] = []
    private var draining = false

    init(database: StoreActor) {
        self.database = database
    }

    /// Applies `bundle` in the next batch; throws only when its batch could not be committed.
    func apply(_ bundle: [UInt8]) async throws -> Outcome {
        try await withCheckedThrowingContinuation { reply in
            self.waiting.append((bundle, reply))
            if !self.draining {
                self.draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !self.waiting.isEmpty {
            let batch = Array(self.waiting.prefix(Self.largestBatch))
            self.waiting.removeFirst(batch.count)
            let bundles = batch.map(\.bundle)
            do {
                let (reports, have) = try await self.database.run { store in
                    let reports = try BundleImporter(store: store).importBundles(bundles)
                    return (reports, try store.versionVector().keyedByText)
                }
                for (item, report) in zip(batch, reports) {
                    item.reply.resume(returning: Outcome(report: report, have: have))
                }
            } catch {
                for item in batch { item.reply.resume(throwing: error) }
            }
        }
        self.draining = false
    }
}
