public import Foundation
public import SignatoryDomain
public import SignatoryStore

/// Writes a bundle of every change its peers are not known to have (all of them without a
/// peer), plain or encrypted for those offices.
///
/// ```swift
/// let bucharest = try store.trustedOffice(matching: "Bucharest")
/// let summary = try BundleExporter(store: store)
///     .export(to: "for-bucharest.age", for: [bucharest], encryptedFor: [try store.recipient(of: bucharest)])
/// ```
///
/// This office signs its own feed's head as it exports; other offices' feeds travel with the
/// heads they signed, so the receiver can check a relayed feed as if it came from its author.
public struct BundleExporter {
    public struct Summary: Sendable {
        public let changes: Int64
        public let offices: Int
    }

    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Told how many changes were written, of how many (every 1,000 and at the end).
    public var progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }

    /// Writes the bundle to `path` through ``OutputFile``: whole or not at all, never over a folder or a database.
    ///
    /// - Parameters:
    ///   - peers: the offices the bundle is for; it holds every change one of them is not known to have.
    ///   - recipients: when not empty, the bundle is encrypted for them in the age v1 format.
    public func export(
        to path: String,
        for peers: [ID<Office>] = [],
        encryptedFor recipients: [AgeRecipient] = []
    ) throws -> Summary {
        // Its own feed forked: the database that continues the office sends everything it held.
        try self.store.refuseIfSucceeded()
        // A revoked office's key may be in other hands: nothing is written for it, encrypted or not.
        for peer in peers where try self.store.trustRevocation(of: peer) != nil {
            let name = try self.store.trustedOffice(peer)?.name ?? peer.description
            throw StoreError.trustRevoked(office: "\(name) (\(peer))")
        }
        let known = try self.knownByAll(peers)
        if recipients.isEmpty {
            return try OutputFile.write(to: path, protecting: self.store.database.path) { handle in
                try self.write(to: handle, known: known)
            }
        }
        var encryptor = try AgeEncryptor(recipients: recipients)
        return try OutputFile.write(to: path, protecting: self.store.database.path) { handle in
            try handle.write(contentsOf: encryptor.header)
            let summary = try self.write(known: known) {
                try encryptor.encrypt($0) { try handle.write(contentsOf: $0) }
            }
            try encryptor.finish { try handle.write(contentsOf: $0) }
            return summary
        }
    }

    /// What every one of `peers` is known to have: per feed, the least of their positions.
    func knownByAll(_ peers: [ID<Office>]) throws -> [ID<Office>: Int64] {
        guard let first = peers.first else { return [:] }
        var known = try self.store.knowledge(of: first)
        for peer in peers.dropFirst() {
            let theirs = try self.store.knowledge(of: peer)
            known = known.reduce(into: [:]) { result, entry in
                if let sequence = theirs[entry.key] { result[entry.key] = min(entry.value, sequence) }
            }
        }
        return known
    }

    /// Writes a bundle of every change beyond `known` (positions by office), e.g. a hub's version vector.
    public func write(to handle: FileHandle, known: [ID<Office>: Int64]) throws -> Summary {
        try self.write(known: known) { try handle.write(contentsOf: $0) }
    }

    /// The bundle of every change beyond `known`, in memory, e.g. the body of a push.
    public func bundle(known: [ID<Office>: Int64]) throws -> (bytes: [UInt8], summary: Summary) {
        var bytes: [UInt8] = []
        let summary = try self.write(known: known) { bytes.append(contentsOf: $0) }
        return (bytes, summary)
    }

    /// Hands the bundle to `emit` in pieces of about a mebibyte.
    func write(known: [ID<Office>: Int64], to emit: ([UInt8]) throws -> Void) throws -> Summary {
        try self.store.transaction {
            try self.signOwnHead()
            let vector = try self.store.versionVector()
            var heads: [FeedHead] = []
            var total: Int64 = 0
            for head in try self.store.feedHeads() where head.sequence > (known[head.office] ?? 0) {
                heads.append(head)
                total += head.sequence - (known[head.office] ?? 0)
            }
            let header = try self.header(have: vector, heads: heads, changes: total)
            var buffer = [UInt8](try BundleHeader.line(header))
            var written: Int64 = 0
            for head in heads {
                try self.store.forEachLine(of: head.office, after: known[head.office] ?? 0, through: head.sequence) {
                    line in
                    written += 1
                    if written % 1_000 == 0 { self.progress(written, total) }
                    buffer.append(contentsOf: line.utf8)
                    buffer.append(UInt8(ascii: "\n"))
                    if buffer.count >= 1 << 20 {
                        try emit(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
            }
            try emit(buffer)
            self.progress(written, total)
            return Summary(changes: total, offices: heads.count)
        }
    }

    /// This office's header, its version vector signed so that a receiver can rely on it.
    func header(have vector: [ID<Office>: Int64], heads: [FeedHead], changes: Int64) throws -> BundleHeader {
        let have = vector.keyedByText
        let office = self.store.office
        let signature = try self.store.officeKeys().sign(BundleHeader.haveMessage(from: office.id, have: have))
        return BundleHeader(
            from: office.id,
            fromName: office.name,
            have: have,
            heads: heads,
            changes: changes,
            haveSignature: signature
        )
    }

    /// Signs this office's own feed at its current end, so the bundle can vouch for it.
    func signOwnHead() throws {
        try self.store.refuseIfSucceeded()
        let own = try self.store.feedEnd(of: self.store.office.id)
        guard own.sequence > 0 else { return }
        let message = FeedHead.message(office: self.store.office.id, sequence: own.sequence, hash: own.hash)
        try self.store.saveFeedHead(
            FeedHead(
                office: self.store.office.id,
                sequence: own.sequence,
                hash: own.hash,
                signature: try self.store.officeKeys().sign(message)
            )
        )
    }
}
