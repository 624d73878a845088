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

    /// At most this many pushes, of at most this many bytes together (one push, whatever its
    /// size, makes a batch), share a commit: no push waits behind a long queue's, and a batch
    /// holds the write lock about as long as one push of the default largest body, so that
    /// `hub revoke` and `hub enroll`, which write from another process, are not kept waiting
    /// behind many large pushes (see ``WriteBreaks``). Each commit waits for the disk: 50 offices
    /// pushing 1,000 changes each at once went through about 10 % faster in batches of 32 than of
    /// 16 (three commits instead of five), and no faster in batches of 64.
    static let largestBatch = (pushes: 32, bytes: 64 << 20)
    /// How many waiting pushes, of at most how many bytes together, have their lines read and
    /// checked before their batch begins: enough to keep the checking threads busy while a batch
    /// finds its duplicate pairs and commits. The first is read ahead whatever its size, since
    /// its reading holds at most about 16 MiB of lines ahead of its import. Parsed lines take
    /// about three times their bytes, so reading ahead adds at most about 100 MB.
    static let readAhead = (pushes: 4, bytes: 16 << 20)

    private let database: StoreActor
    private var waiting: [(bundle: ReceivedBundle, reply: CheckedContinuation<Outcome, any Error>)] = []
    private var draining = false
    private let clock = ContinuousClock()
    private var breaks = WriteBreaks()

    init(database: StoreActor) {
        self.database = database
    }

    /// Applies `bundle` in the next batch; throws only when its batch could not be committed.
    func apply(_ bundle: [UInt8]) async throws -> Outcome {
        try await withCheckedThrowingContinuation { reply in
            self.waiting.append((ReceivedBundle(bundle), reply))
            self.startReadingAhead()
            if !self.draining {
                self.draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        self.breaks.start(at: self.clock.now)
        while !self.waiting.isEmpty {
            if self.breaks.isDue(at: self.clock.now) {
                // Only cancellation ends the sleep early, and nothing cancels the queue's task.
                try? await Task.sleep(for: self.breaks.lasting)
                self.breaks.took(at: self.clock.now)
            }
            let batch = Array(self.waiting.prefix(Self.batchLength(self.waiting.map(\.bundle.count))))
            self.waiting.removeFirst(batch.count)
            self.startReadingAhead()
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
        self.breaks.stop(at: self.clock.now)
        self.draining = false
    }

    /// How many of the waiting pushes, of these sizes in bytes, make the next batch.
    static func batchLength(_ sizes: [Int]) -> Int {
        Self.leadingCount(of: sizes, within: Self.largestBatch)
    }

    /// Starts reading the first waiting pushes, so their lines are checked while a batch runs.
    private func startReadingAhead() {
        let count = Self.readAheadLength(self.waiting.prefix(Self.readAhead.pushes).map(\.bundle.count))
        for item in self.waiting.prefix(count) { item.bundle.startReading() }
    }

    /// How many of the first waiting pushes, of these sizes in bytes, are read ahead.
    static func readAheadLength(_ sizes: [Int]) -> Int {
        Self.leadingCount(of: sizes, within: Self.readAhead)
    }

    /// How many of the first `sizes` fit within `limit`; the first always does, whatever its size.
    private static func leadingCount(of sizes: [Int], within limit: (pushes: Int, bytes: Int)) -> Int {
        var bytes = 0
        for (index, size) in sizes.prefix(limit.pushes).enumerated() {
            bytes += size
            if index > 0 && bytes > limit.bytes { return index }
        }
        return min(sizes.count, limit.pushes)
    }
}
