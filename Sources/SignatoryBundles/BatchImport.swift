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
    /// Throws only when the transaction itself cannot start or commit; then none is applied.
    public func importBundles(_ bundles: [[UInt8]]) throws -> [Result<Report, any Error>] {
        try self.store.transaction {
            try bundles.map { bytes in
                let outcome = Result {
                    try self.store.savepoint { try self.importBundle(from: LineReader(bytes: bytes)) }
                }
                // Some failures (a full disk, an I/O error) make SQLite roll back the whole
                // transaction, the bundles before this one included: then none is applied.
                if case .failure(let error) = outcome, self.store.database.isAutocommit { throw error }
                return outcome
            }
        }
    }
}
