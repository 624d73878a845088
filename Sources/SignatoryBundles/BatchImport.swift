import SignatoryStore

extension BundleImporter {
    /// Imports several bundles with one commit, each still all or nothing on its own: a bundle
    /// that is refused is rolled back alone, and the others are applied. A hub applies the pushes
    /// that arrived together this way, writing each database page once rather than once per push.
    ///
    /// ```swift
    /// for outcome in try BundleImporter(store: store).importBundles([first, second]) {
    ///     print(try outcome.get().applied, "new changes")
    /// }
    /// ```
    ///
    /// Each report counts the conflicts and duplicate pairs held once the whole batch is applied.
    /// Throws only when the transaction itself cannot start or commit; then none is applied.
    public func importBundles(_ bundles: [[UInt8]]) throws -> [Result<Report, any Error>] {
        try self.importBundles(bundles.map(ReceivedBundle.init))
    }

    /// Imports bundles as ``importBundles(_:)-([[UInt8]])`` does; those whose reading was started
    /// ahead (``ReceivedBundle/startReading()``) have their lines checked already.
    package func importBundles(_ bundles: [ReceivedBundle]) throws -> [Result<Report, any Error>] {
        bundles.first?.startReading()
        do {
            return try self.store.transaction {
                let outcomes = try self.importEach(bundles)
                // A batch that applies nothing commits nothing: a savepoint rolled back still leaves
                // the pages it touched to be written again, unchanged, when the transaction commits.
                // (A push whose pages outgrow the page cache has spilled some to the log before its
                // refusal; readers ignore such uncommitted frames, and later commits overwrite them.)
                guard outcomes.contains(where: { if case .success = $0 { true } else { false } }) else {
                    throw NothingApplied(outcomes: outcomes)
                }
                let (conflicts, pairs) = (try self.store.conflictCount(), try self.store.duplicatePairCount())
                return outcomes.map { outcome in
                    outcome.map { $0.counting(openConflicts: conflicts, duplicatePairs: pairs) }
                }
            }
        } catch let nothing as NothingApplied {
            return nothing.outcomes
        }
    }

    /// Imports each bundle in a savepoint of its own, inside the batch's transaction.
    private func importEach(_ bundles: [ReceivedBundle]) throws -> [Result<Report, any Error>] {
        var outcomes: [Result<Report, any Error>] = []
        // The duplicate pairs of all the bundles' organisations are found together, at the end.
        try self.store.findingDuplicatesOnce {
            for (index, bundle) in bundles.enumerated() {
                // The next bundle's lines are read and checked on their own thread while this
                // one is written, which leaves this thread writing rather than waiting for lines.
                if bundles.indices.contains(index + 1) { bundles[index + 1].startReading() }
                let outcome = Result { try self.store.savepoint { try self.importBundle(bundle.take().get()) } }
                // Some failures (a full disk, an I/O error) make SQLite roll back the whole
                // transaction, the bundles before this one included: then none is applied.
                if case .failure(let error) = outcome, self.store.database.isAutocommit { throw error }
                outcomes.append(outcome)
            }
        }
        return outcomes
    }
}

/// No bundle of a batch was applied: its transaction is rolled back rather than committed.
private struct NothingApplied: Error {
    let outcomes: [Result<BundleImporter.Report, any Error>]
}

extension BundleImporter.Report {
    fileprivate func counting(openConflicts: Int, duplicatePairs: Int) -> Self {
        Self(
            from: self.from,
            fromName: self.fromName,
            applied: self.applied,
            alreadyKnown: self.alreadyKnown,
            openConflicts: openConflicts,
            duplicatePairs: duplicatePairs,
            setAside: self.setAside,
            setAsideAtRiskMarks: self.setAsideAtRiskMarks
        )
    }
}
