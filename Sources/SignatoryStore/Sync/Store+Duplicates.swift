import SignatoryDomain

/// Organisations that look like one organisation created twice, e.g. at two offices offline.
public struct DuplicatePair: Hashable, Sendable {
    public let first: ID<Organisation>
    public let second: ID<Organisation>
    public let reason: String
}

extension Store {
    /// Recomputes the duplicate pairs among the organisations shown: the same name (ignoring
    /// case, accents and punctuation) and the same country. Returns how many there are.
    @discardableResult
    public func refreshDuplicates() throws -> Int {
        var groups: [String: [Organisation]] = [:]
        for organisation in try self.organisations() {
            groups["\(organisation.comparableName)|\(organisation.country?.code ?? "")", default: []].append(organisation)
        }
        try self.database.execute("DELETE FROM duplicate_pair")
        var count = 0
        for group in groups.values where group.count > 1 {
            let sorted = group.sorted { $0.id < $1.id }
            for (index, first) in sorted.enumerated() {
                for second in sorted[(index + 1)...] {
                    let reason = "same name and country (\(first.country?.code ?? "no country"))"
                    try self.database.prepare("INSERT INTO duplicate_pair (first, second, reason) VALUES (?, ?, ?)").run(first.id, second.id, reason)
                    count += 1
                }
            }
        }
        return count
    }

    public func duplicatePairs() throws -> [DuplicatePair] {
        try self.database.prepare("SELECT first, second, reason FROM duplicate_pair ORDER BY first, second")
            .rows { DuplicatePair(first: try $0.id(0), second: try $0.id(1), reason: $0.text(2)) }
    }

    /// Merges `duplicate` into `keep`: its contacts and signatures show under `keep` from now
    /// on, here and at every office the change reaches, including ones that keep editing or
    /// signing for `duplicate` meanwhile.
    public func mergeOrganisation(_ duplicate: ID<Organisation>, into keep: ID<Organisation>) throws {
        try self.transaction {
            try self.requireOrganisation(duplicate)
            try self.requireOrganisation(keep)
            guard duplicate != keep else {
                throw StoreError.inUse("an organisation", detail: "cannot be merged into itself; name two different organisations")
            }
            try self.write(EntityRef(.organisation, duplicate.description), ["mergedInto": .text(keep.description)])
            try self.refreshDuplicates()
        }
    }
}
