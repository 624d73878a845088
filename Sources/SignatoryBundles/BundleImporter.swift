public import Foundation
public import SignatoryDomain
public import SignatoryStore

/// Applies a bundle written by another office (or relayed by one): all of it or nothing.
///
/// ```swift
/// let report = try BundleImporter(store: store).importBundle(at: "from-bucharest.jsonl")
/// print(report.applied, "new changes")
/// ```
///
/// Every change must come from a trusted office, continue that office's hash chain from what
/// this office holds, end at a head the office signed, and be dated no further ahead of this
/// computer's clock than `maximumSkew`. Replayed or overlapping changes are skipped. A bundle
/// written by an office revoked here (`office revoke`) is refused; the later changes of one that
/// another office relays are set aside, and the rest of the bundle is taken.
public struct BundleImporter {
    public struct Report: Sendable {
        public let from: ID<Office>
        public let fromName: String
        public let applied: Int
        public let alreadyKnown: Int
        public let openConflicts: Int
        public let duplicatePairs: Int
        /// How many changes of each office whose trust was revoked here, relayed by the bundle's
        /// writer, were set aside: not applied, as they came after the revocation.
        public let setAside: [ID<Office>: Int]
        /// The contacts that set-aside changes marked as at risk: not marked so here by them.
        public let setAsideAtRiskMarks: Set<String>
    }

    public static let defaultMaximumSkew: Int64 = 3_600
    /// A year: a clock further off than that is wrong, not skewed.
    public static let largestMaximumSkew: Int64 = 31_536_000

    let store: Store
    /// The largest number of seconds a change may be dated ahead of this computer's clock.
    let maximumSkew: Int64
    let now: () -> Date
    /// Told how many of the bundle's changes were checked, of how many, as the import goes
    /// (every 1,000 changes and at the end), for a progress display.
    public var progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }

    public init(
        store: Store,
        maximumSkew: Int64 = BundleImporter.defaultMaximumSkew,
        now: @escaping () -> Date = Date.init
    ) {
        self.store = store
        self.maximumSkew = min(max(maximumSkew, 0), BundleImporter.largestMaximumSkew)
        self.now = now
    }

    /// Imports the bundle file at `path`, decrypting it first when it is encrypted for this office.
    public func importBundle(at path: String) throws -> Report {
        try self.importBundle(from: try LineReader(path: path, decryptingWith: try self.store.officeEncryptionKey()))
    }

    /// Imports a bundle from any line source: a file, a body held in memory, or both in turn.
    ///
    /// ```swift
    /// let report = try BundleImporter(store: store).importBundle(from: LineReader(bytes: body))
    /// ```
    public func importBundle(from reader: consuming LineReader) throws -> Report {
        try self.importBundle(try OpenedBundle(reader))
    }

    /// A bundle whose header was read, and whose change lines are being read and checked on a
    /// second thread: a batch opens the next bundle while it writes this one.
    struct OpenedBundle {
        let header: BundleHeader
        let lines: ChangeReadAhead

        init(_ reader: consuming LineReader) throws {
            var reader = reader
            guard let headerLine = try reader.next() else { throw SyncError.malformed(line: 1, "the file is empty") }
            self.header = try BundleHeader.parse(headerLine)
            self.lines = ChangeReadAhead(reader)
        }
    }

    /// Imports an opened bundle, and stops its reading thread whatever happens.
    func importBundle(_ bundle: OpenedBundle) throws -> Report {
        let (header, lines) = (bundle.header, bundle.lines)
        defer { lines.stop() }
        // A database `office recover` continued elsewhere is left as it was: the new one takes them.
        try self.store.refuseIfSucceeded()
        let (heads, revoked, pins) = try self.verifiedHeads(header)
        var feeds = try FeedTracker(store: self.store, heads: heads)
        var known = 0
        var setAside: [ID<Office>: Int] = [:]
        var atRiskMarks: Set<String> = []
        /// Whether `entry`, checked as every change is, is a change of a revoked office after its
        /// revocation, counted if so. A feed that reaches the position its revocation names by
        /// another change than the one named was written with its key after the revocation.
        func setsAside(_ entry: some FeedEntry) throws -> Bool {
            if let pin = pins[entry.office], entry.sequence == pin.sequence, entry.hash != pin.hash {
                throw SyncError.revokedFeedDiffers(entry.office.description, pin.sequence)
            }
            guard let last = revoked[entry.office], entry.sequence > last else { return false }
            setAside[entry.office, default: 0] += 1
            return true
        }
        var checked: Int64 = 0
        let summary = try self.store.receive(from: header.from) { batch in
            while let line = try lines.next() {
                checked += 1
                if checked % 1_000 == 0 { self.progress(checked, max(header.changes, checked)) }
                if let change = line.change {
                    guard try self.isNew(change, line: line, heads: heads, feeds: &feeds) else {
                        known += 1
                        continue
                    }
                    if try setsAside(change) {
                        // A mark that protects a person is not taken either: said, so that it can be made here.
                        if change.kind == .contact, change.fields["atRisk"]?.value == .bool(true) {
                            atRiskMarks.insert(change.entityID)
                        }
                        continue
                    }
                    try batch.apply(change, line: line.text)
                } else if let unapplied = line.unapplied {
                    guard try self.isNew(unapplied, line: line, heads: heads, feeds: &feeds) else {
                        known += 1
                        continue
                    }
                    if try setsAside(unapplied) { continue }
                    try batch.keep(unapplied, line: line.text)
                } else if let format = ChangeFormat.declared(in: Array(line.text.utf8)), !format.isReadable {
                    throw SyncError.unsupportedVersion(format.description)
                } else {
                    throw SyncError.malformed(line: line.number, "not a change")
                }
            }
            self.progress(checked, max(header.changes, checked))
            for head in heads.values {
                if revoked[head.office] != nil {
                    try feeds.requireCheckedEnd(at: head)
                } else {
                    try feeds.requireEnd(at: head)
                }
            }
            let carried = batch.applied + known + setAside.values.reduce(0, +)
            guard Int64(carried) == header.changes else {
                throw SyncError.malformed(
                    line: 1,
                    "the header announces \(header.changes) change(s) but \(carried) follow"
                )
            }
            // What the writer holds is learned only from the version vector it signed: the header's
            // `from` and the feeds a bundle carries are not signed, so an edited header could
            // otherwise make this office hold back from another office changes it lacks. The
            // store keeps none of it beyond what this office holds.
            let claimed = header.verifiedHave(card: try self.store.trustedOffice(header.from))
            // A revoked feed's head is beyond what is held of it: kept, it would be relayed unmet.
            return ReceivedFeeds(heads: heads.values.filter { revoked[$0.office] == nil }, peerHas: claimed)
        }
        // The header's name is not signed: show the name this office trusted, when it has one.
        let name = try self.store.trustedOffice(header.from)?.name ?? String(header.fromName.prefix(200))
        return Report(
            from: header.from,
            fromName: name,
            applied: summary.applied,
            alreadyKnown: known,
            openConflicts: summary.openConflicts,
            duplicatePairs: summary.duplicatePairs,
            setAside: setAside,
            setAsideAtRiskMarks: atRiskMarks
        )
    }

    /// Checks a change's place and form: from an office whose head the bundle signed, with the
    /// hash its content gives, written as Signatory writes it, continuing its feed. Returns
    /// whether it is new here (`false` for a replay) and, if so, that its values are acceptable
    /// and its clock not too far ahead.
    private func isNew(
        _ entry: some FeedEntry,
        line: ChangeReadAhead.Line,
        heads: [ID<Office>: FeedHead],
        feeds: inout FeedTracker
    ) throws -> Bool {
        let office = entry.office.description
        guard heads[entry.office] != nil else {
            if try self.store.trustedOffice(entry.office) == nil { throw SyncError.untrusted(office, entry.sequence) }
            throw SyncError.unsigned(office, entry.sequence)
        }
        // A change that must be understood, from a later minor version, cannot be relayed blindly.
        if entry.critical, entry.format.minor > ChangeFormat.current.minor, !(line.change?.erases ?? false) {
            throw SyncError.unsupportedVersion(entry.format.description)
        }
        guard line.hashMatches else {
            throw SyncError.brokenChain(office, entry.sequence, "its content does not match its hash")
        }
        // Lines are stored and relayed verbatim, so only the form Signatory writes is taken.
        guard line.isCanonical else {
            throw SyncError.malformed(
                line: line.number,
                "change \(entry.sequence) of office \(office) is not written as Signatory writes it"
            )
        }
        if try feeds.isKnown(entry) { return false }
        if let invalid = line.invalidValue { throw SyncError.invalidValue(office, entry.sequence, invalid) }
        let now = Int64(self.now().timeIntervalSince1970 * 1000)
        if Int64(entry.timestamp.physical) > now + self.maximumSkew * 1000 {
            let ahead = (Int64(entry.timestamp.physical) - now) / 1000
            throw SyncError.clockSkew(office, entry.sequence, seconds: ahead, bound: self.maximumSkew)
        }
        return true
    }

    /// The header's heads, each from a trusted office and signed by it; the last position taken
    /// of each office revoked here whose feed the bundle carries further (its later changes are
    /// checked as any other's, then set aside); and the change each revocation names by its hash
    /// where the bundle's feed passes that position, to be checked when it is read.
    private func verifiedHeads(
        _ header: BundleHeader
    ) throws -> (heads: [ID<Office>: FeedHead], revoked: [ID<Office>: Int64], pins: [ID<Office>: FeedPosition]) {
        var heads: [ID<Office>: FeedHead] = [:]
        var revokedFeeds: [ID<Office>: Int64] = [:]
        var pins: [ID<Office>: FeedPosition] = [:]
        for head in header.heads {
            guard let card = try self.store.trustedOffice(head.office) else {
                throw SyncError.untrusted(head.office.description, head.sequence)
            }
            let revocation = try self.store.trustRevocation(of: head.office)
            // At a hub, an office whose enrolment alone ended (`hub revoke`) has no position to
            // take its changes up to: relayed or not, its feed is refused. One whose trust was
            // revoked there (`office revoke`) is taken up to that position, as at an office.
            if revocation == nil, try self.store.hubMember(head.office)?.isRevoked == true {
                throw SyncError.revoked(head.office.description)
            }
            if let revoked = revocation {
                var limit = revoked.after
                // Positions not held here that the revocation names by a hash: taken only from a
                // feed that reaches that change; one that stops short of it cannot be checked yet.
                if let hash = revoked.hash, case let held = try self.store.feedEnd(of: head.office).sequence,
                    held < revoked.after
                {
                    if head.sequence < revoked.after {
                        limit = held
                    } else if head.sequence == revoked.after {
                        guard head.hash == hash else {
                            throw SyncError.revokedFeedDiffers(head.office.description, revoked.after)
                        }
                    } else {
                        pins[head.office] = FeedPosition(sequence: revoked.after, hash: hash)
                    }
                }
                if head.sequence > limit {
                    // Its key may be in other hands: what it sends beyond its position is refused
                    // whole. Relayed by an office that has not revoked it yet, its later changes are
                    // set aside, the rest taken.
                    guard head.office != header.from || head.sequence <= revoked.after else {
                        throw SyncError.revokedHere(head.office.description, last: revoked.after)
                    }
                    revokedFeeds[head.office] = limit
                }
            }
            guard
                card.verify(
                    head.signature,
                    of: FeedHead.message(office: head.office, sequence: head.sequence, hash: head.hash)
                )
            else {
                throw SyncError.badSignature(head.office.description, head.sequence)
            }
            if let local = try self.store.changeHash(office: head.office, sequence: head.sequence), local != head.hash {
                if head.office == self.store.office.id { throw SyncError.ownFeedForked(head.sequence) }
                throw SyncError.equivocation(head.office.description, head.sequence)
            }
            heads[head.office] = head
        }
        return (heads, revokedFeeds, pins)
    }
}

/// A change of a feed named by its position and hash.
struct FeedPosition: Sendable {
    let sequence: Int64
    let hash: String
}
