public import SignatoryDomain

/// Organisations that look like one organisation created twice, e.g. at two offices offline.
public struct DuplicatePair: Hashable, Sendable {
    public let first: ID<Organisation>
    public let second: ID<Organisation>
    public let reason: String
}

extension Store {
    /// Recomputes the duplicate pairs among the organisations shown: the same name (ignoring
    /// case, accents and punctuation) and the same country, or the same iCSO number. Returns
    /// how many pairs there are.
    ///
    /// Done in SQL over an index, so it takes constant memory however many organisations there are.
    @discardableResult
    func refreshDuplicates() throws -> Int {
        try self.database.execute(
            """
            DELETE FROM duplicate_pair;
            INSERT INTO duplicate_pair (first, second, reason)
            SELECT a.id, b.id, 'same name and country (' || coalesce(a.country, 'no country') || ')'
            FROM organisation a JOIN organisation b
              ON b.name_key = a.name_key AND b.country IS a.country AND b.id > a.id
            WHERE a.name_key <> '';
            INSERT INTO duplicate_pair (first, second, reason)
            SELECT a.id, b.id, 'same iCSO number (' || a.icso_number || ')'
            FROM organisation a JOIN organisation b ON b.icso_number = a.icso_number AND b.id > a.id
            WHERE a.icso_number IS NOT NULL
            ON CONFLICT DO UPDATE SET reason = reason || '; ' || excluded.reason;
            """
        )
        return Int(try self.database.integer("SELECT count(*) FROM duplicate_pair"))
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
                throw StoreError.mergeIntoItself
            }
            try self.write(EntityRef(.organisation, duplicate.description), ["mergedInto": .text(keep.description)])
            try self.refreshDuplicates()
        }
    }
}
