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
        /// Changes written only here that edited a person erased since, here or at a peer: left
        /// out, as the erasure forbids, and listed so that none vanishes unseen.
        public let leftOut: [LeftOutEdit]
        public let newOffice: ID<Office>?
        /// The last position of this office's feed the peers' bundle carries.
        public let peerEnd: Int64
        /// The hash of the change at `peerEnd`, which `office revoke --after --hash` can name.
        public let peerEndHash: String?
        /// What the new database set aside of the peers' bundle: later changes of offices whose
        /// trust this one had revoked, which the new one keeps revoked.
        public var setAside: [String] = []
    }

    /// A change typed here that is not written again, because the person it edited was erased.
    public struct LeftOutEdit: Sendable, Equatable {
        /// Its position in the old feed.
        public let sequence: Int64
        public let record: EntityKind
        public let id: String
    }

    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// How the peers' copy of this office's feed compares with the local one.
    public struct Comparison: Sendable {
        /// The first position at which the two differ, if they do.
        public let forkedAt: Int64?
        /// The last position of this office's feed the bundle carries (0 for none): where it
        /// stops showing whether the feed forked.
        public let peerEnd: Int64
        /// The hash of the change at `peerEnd`; `nil` for none.
        public let peerEndHash: String?
    }

    /// Where the peers' copy of this office's feed (in the bundle at `path`) first differs from
    /// the local one. The copy must be whole: from a trusted office, every line of this office's
    /// feed matching its hash and following the one before, up to a head this office signed.
    /// Other feeds are checked when the bundle is imported.
    public func compare(with path: String) throws -> Comparison {
        let own = self.store.office.id
        let card = try self.store.officeCard()
        var reader = try LineReader(path: path, decryptingWith: try self.store.officeEncryptionKey())
        guard let headerLine = try reader.next() else { throw SyncError.malformed(line: 1, "the file is empty") }
        let header = try BundleHeader.parse(headerLine)
        guard try header.from == own || self.store.trustedOffice(header.from) != nil else {
            throw SyncError.untrusted(header.from.description, 0)
        }
        var lines: Int64 = 0
        var fork: Int64?
        var last: (sequence: Int64, hash: String)?
        while let line = try reader.next() {
            guard !line.isEmpty else { continue }
            lines += 1
            guard let change = Change(jsonBytes: line) else {
                // This office wrote no change of a kind it does not know: another office's, skipped.
                if UnappliedChange(jsonBytes: line) != nil { continue }
                throw SyncError.malformed(line: reader.lineNumber, "not a change")
            }
            guard change.office == own else { continue }
            let office = own.description
            guard change.computedHash == change.hash else {
                throw SyncError.brokenChain(office, change.sequence, "the change does not match its hash")
            }
            if let last {
                guard change.sequence == last.sequence + 1, change.previousHash == last.hash else {
                    throw SyncError.brokenChain(office, change.sequence, "it does not follow the change before it")
                }
            } else if change.sequence == 1 {
                guard change.previousHash == Change.genesis else {
                    throw SyncError.brokenChain(office, 1, "it does not start the feed")
                }
            } else {
                // A copy that starts after a change this database does not share cannot show where it forked.
                guard try self.store.changeHash(office: own, sequence: change.sequence - 1) == change.previousHash
                else {
                    throw SyncError.brokenChain(
                        office,
                        change.sequence,
                        "the copy starts after a change this database does not share, so it cannot show where the "
                            + "feed forked: a full bundle starts at position 1"
                    )
                }
            }
            last = (change.sequence, change.hash)
            guard fork == nil else { continue }
            guard let local = try self.store.changeHash(office: own, sequence: change.sequence) else { continue }
            if local != change.hash { fork = change.sequence }
        }
        guard lines == header.changes else {
            throw SyncError.malformed(
                line: reader.lineNumber,
                "the header announces \(header.changes) change(s), the file holds \(lines): it was cut short or added to"
            )
        }
        if let last {
            guard let head = header.heads.first(where: { $0.office == own }),
                head.sequence == last.sequence, head.hash == last.hash
            else { throw SyncError.unsigned(own.description, last.sequence) }
            guard
                card.verify(head.signature, of: FeedHead.message(office: own, sequence: head.sequence, hash: head.hash))
            else { throw SyncError.badSignature(own.description, head.sequence) }
        }
        return Comparison(forkedAt: fork, peerEnd: last?.sequence ?? 0, peerEndHash: last?.hash)
    }

    /// Writes the recovered office to `newPath`, a file that must not exist yet. Nothing is
    /// written when the peers' copy of the feed agrees with this one (`forkedAt` is `nil`), and a
    /// copy that agrees but stops before this office's last change is refused
    /// (`SyncError.Code.forkNotShown`): it cannot show whether the rest forked.
    public func recover(using path: String, into newPath: String) throws -> Report {
        // The old database's write lock is held throughout: a change typed there meanwhile would
        // be left out of the new one, and then refused for good by the mark set at the end.
        try self.store.transaction { try self.recoverHoldingTheOldDatabase(using: path, into: newPath) }
    }

    private func recoverHoldingTheOldDatabase(using path: String, into newPath: String) throws -> Report {
        // Recovering again would write this office's lost changes a second time, newer than
        // what the peers wrote since.
        try self.store.refuseIfSucceeded()
        // Checked before the bundle, so that a wrong `--out` is refused whatever the bundle shows.
        try Store.checkNewDatabaseTarget(newPath, protecting: self.store.database.path)
        let comparison = try self.compare(with: path)
        guard let fork = comparison.forkedAt else {
            let end = try self.store.feedEnd(of: self.store.office.id).sequence
            guard comparison.peerEnd >= end else { throw SyncError.forkNotShown(peerEnd: comparison.peerEnd, end: end) }
            return Report(
                forkedAt: nil,
                rewritten: 0,
                leftOut: [],
                newOffice: nil,
                peerEnd: comparison.peerEnd,
                peerEndHash: comparison.peerEndHash
            )
        }
        let old = try self.store.officeCard()
        // Revocations, and on a hub its enrolments and their audiences, continue as they were:
        // none may be lost to a damaged page.
        let decisions = try ReplacementDecisions(readFrom: self.store.database)
        guard decisions.isWhole else { throw StoreError.decisionsDamaged(path: self.store.database.path) }
        let office = Office(name: self.store.office.name, createdAt: Date())
        let (rewritten, leftOut, newOffice, setAside) = try Store.createWhole(at: newPath, office: office) {
            recovered in
            for card in try self.store.trustedOffices() where card.id != old.id { try recovered.trust(card) }
            try recovered.trust(OfficeCard(id: old.id, name: old.name, publicKey: old.publicKey))
            // Every other feed this office held, as it held and checked them, before its
            // revocations are kept: a revocation naming a change not held yet would set aside what
            // was held until a bundle reaching that change arrived (hostile review 73).
            let others = Set(try self.store.trustedOffices().map(\.id)).subtracting([old.id])
            try self.transfer(only: others, into: recovered)
            _ = try recovered.transaction {
                try decisions.keep(in: recovered.database, for: .recover)
            }
            // Then the peers' copy of this office's own feed.
            // A bundle encrypted for this office opens with this office's key, not the new one's.
            let bundle = try LineReader(path: path, decryptingWith: try self.store.officeEncryptionKey())
            let setAside = try BundleImporter(store: recovered).importBundle(from: bundle).setAsideNotes(in: recovered)
            let end = try self.store.feedEnd(of: old.id).sequence
            var rewritten = 0
            var leftOut: [LeftOutEdit] = []
            var renamed: [HybridTimestamp: HybridTimestamp] = [:]
            try recovered.transaction {
                for sequence in fork...max(fork, end) {
                    guard let change = try self.store.change(office: old.id, sequence: sequence) else { continue }
                    switch try recovered.rewriteAsLocal(change, rewritten: &renamed) {
                    case .written: rewritten += 1
                    case .personErased:
                        leftOut.append(LeftOutEdit(sequence: sequence, record: change.kind, id: change.entityID))
                    case .nothingToWrite: break
                    }
                }
                try recovered.recordSuccession(of: old, keys: try self.store.officeKeys())
            }
            return (rewritten, leftOut, recovered.office.id, setAside)
        }
        // The old database takes no more changes, so none can be typed where no peer takes them.
        try self.store.recordSuccessor(newOffice, at: URL(fileURLWithPath: newPath).standardizedFileURL.path)
        return Report(
            forkedAt: fork,
            rewritten: rewritten,
            leftOut: leftOut,
            newOffice: newOffice,
            peerEnd: comparison.peerEnd,
            peerEndHash: comparison.peerEndHash,
            setAside: setAside
        )
    }

    private func transfer(only offices: Set<ID<Office>>, into target: Store) throws {
        let (bytes, page) = try BundleExporter(store: self.store).page(have: [:], only: offices, limit: Int.max)
        if page.changes > 0 { _ = try BundleImporter(store: target).importBundle(from: LineReader(bytes: bytes)) }
    }
}
