import Foundation
public import SignatoryDomain
public import SignatoryStore

/// Gets an office out of a forked feed: its database was restored from a backup after it had
/// sent changes, and it then wrote new ones at positions its peers already hold differently.
/// Peers refuse such a feed for good, so the office continues under a new identity.
///
/// The recovered database, written to a new file, holds everything the peers' bundle holds
/// (the office's own feed as peers know it included), every other feed the office held, and
/// the office's own changes that peers never received, written again under the new identity.
/// The new card carries a statement signed with the old key, which `office trust` checks.
///
/// ```swift
/// let report = try FeedRecovery(store: restored).recover(using: "from-bucharest.jsonl", into: "geneva-2.db")
/// ```
public struct FeedRecovery {
    public struct Report: Sendable {
        /// The first position at which the peers' copy of the feed differs, if it does.
        public let forkedAt: Int64?
        /// Changes written only here, now written again under the new identity.
        public let rewritten: Int
        public let newOffice: ID<Office>?
    }

    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Where the peers' copy of this office's feed (in the bundle at `path`) first differs from
    /// the local one, or `nil` when one is a prefix of the other.
    public func forkPosition(in path: String) throws -> Int64? {
        let own = self.store.office.id
        var reader = try LineReader(path: path, decryptingWith: try self.store.officeEncryptionKey())
        guard let headerLine = try reader.next() else { throw SyncError.malformed(line: 1, "the file is empty") }
        _ = try BundleHeader.parse(headerLine)
        while let line = try reader.next() {
            guard !line.isEmpty else { continue }
            guard let change = Change(jsonBytes: line) else {
                // This office wrote no change of a kind it does not know: another office's, skipped.
                if UnappliedChange(jsonBytes: line) != nil { continue }
                throw SyncError.malformed(line: reader.lineNumber, "not a change")
            }
            guard change.office == own, change.computedHash == change.hash else { continue }
            guard let local = try self.store.change(office: own, sequence: change.sequence) else { return nil }
            if local.hash != change.hash { return change.sequence }
        }
        return nil
    }

    /// Writes the recovered office to `newPath`, a file that must not exist yet.
    public func recover(using path: String, into newPath: String) throws -> Report {
        guard let fork = try self.forkPosition(in: path) else {
            return Report(forkedAt: nil, rewritten: 0, newOffice: nil)
        }
        try OutputFile.checkTarget(newPath, protecting: self.store.database.path)
        if FileManager.default.fileExists(atPath: newPath) { throw FileWriteError.exists(newPath) }
        let old = try self.store.officeCard()
        let recovered = try Store.create(at: newPath, office: Office(name: self.store.office.name, createdAt: Date()))
        do {
            for card in try self.store.trustedOffices() where card.id != old.id { try recovered.trust(card) }
            try recovered.trust(OfficeCard(id: old.id, name: old.name, publicKey: old.publicKey))
            // Every other feed this office held, then the peers' copy of its own.
            let others = Set(try self.store.trustedOffices().map(\.id)).subtracting([old.id])
            try self.transfer(only: others, into: recovered)
            // A bundle encrypted for this office opens with this office's key, not the new one's.
            let bundle = try LineReader(path: path, decryptingWith: try self.store.officeEncryptionKey())
            _ = try BundleImporter(store: recovered).importBundle(from: bundle)
            let end = try self.store.feedEnd(of: old.id).sequence
            var rewritten = 0
            var renamed: [HybridTimestamp: HybridTimestamp] = [:]
            try recovered.transaction {
                for sequence in fork...max(fork, end) {
                    guard let change = try self.store.change(office: old.id, sequence: sequence) else { continue }
                    if try recovered.rewriteAsLocal(change, rewritten: &renamed) { rewritten += 1 }
                }
                try recovered.recordSuccession(of: old, keys: try self.store.officeKeys())
            }
            return Report(forkedAt: fork, rewritten: rewritten, newOffice: recovered.office.id)
        } catch {
            // The file is new and ours: remove it so a retry starts clean.
            unlink(newPath)
            unlink(newPath + "-wal")
            unlink(newPath + "-shm")
            throw error
        }
    }

    private func transfer(only offices: Set<ID<Office>>, into target: Store) throws {
        let (bytes, page) = try BundleExporter(store: self.store).page(have: [:], only: offices, limit: Int.max)
        if page.changes > 0 { _ = try BundleImporter(store: target).importBundle(from: LineReader(bytes: bytes)) }
    }
}
