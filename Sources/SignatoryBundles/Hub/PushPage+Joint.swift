import SignatoryDomain
import SignatoryStore

extension BundleExporter {
    /// The heads of a page for feeds that can only go together, each needing an erasure another
    /// carries (two offices that erased each other's contacts): the other offices' feeds whole,
    /// and this office's feed only as far as they and its own changes require. A feed that only
    /// needs the others, and that none of them needs, is left for a later page of its own, so
    /// that a feed the hub refuses holds back as little as it can; `nil` when none can go.
    func jointHeads(_ others: [FeedHead], own: FeedHead?, known: [ID<Office>: Int64]) throws -> [FeedHead]? {
        var redacted: [ID<Office>: [Store.RedactedChange]] = [:]
        for head in others {
            let from = max(known[head.office] ?? 0, 0)
            redacted[head.office] = try self.store.redactedChanges(of: head.office, after: from, through: head.sequence)
        }
        guard var best = try self.joint(others, own: own, known: known, redacted: redacted) else { return nil }
        for head in others where best.contains(where: { $0.office == head.office }) {
            let fewer = best.filter { $0.office != head.office && $0.office != own?.office }
            if let smaller = try self.joint(fewer, own: own, known: known, redacted: redacted) { best = smaller }
        }
        return best
    }

    /// The feeds of `going` that can go together, with this office's feed as far as they need.
    private func joint(
        _ going: [FeedHead],
        own: FeedHead?,
        known: [ID<Office>: Int64],
        redacted: [ID<Office>: [Store.RedactedChange]]
    ) throws -> [FeedHead]? {
        let ownOffice = self.store.office.id
        let ownFrom = max(known[ownOffice] ?? 0, 0)
        var going = going
        while !going.isEmpty {
            let carried = Dictionary(going.map { ($0.office, $0.sequence) }) { first, _ in first }
            // How far this office's feed must go for each feed: `.max` where no erasure of its own helps.
            var reach: [ID<Office>: Int64] = [:]
            for head in going {
                reach[head.office] =
                    (redacted[head.office] ?? []).filter { !Self.isVouched($0, known: known, carried: carried) }
                    .map { $0.erasures.filter { $0.office == ownOffice }.map(\.sequence).min() ?? .max }
                    .max() ?? ownFrom
            }
            let needed = reach.values.max() ?? ownFrom
            if needed == .max {
                going.removeAll { reach[$0.office] == .max }
                continue
            }
            guard needed > ownFrom else { return going }
            if let own, let end = try self.ownPageEnd(own, known: known, limit: 1, carried: carried, atLeast: needed) {
                return going + [end == own.sequence ? own : try self.ownHead(at: end)]
            }
            // This office's feed cannot reach that far: leave out the feeds that asked the most.
            going.removeAll { reach[$0.office] == needed }
        }
        return nil
    }
}
