import Foundation
public import SignatoryDomain

/// Organisations that look like one organisation created twice, e.g. at two offices offline.
public struct DuplicatePair: Hashable, Sendable {
    public let first: ID<Organisation>
    public let second: ID<Organisation>
    public let reason: String
}

/// The organisations whose rows were written or removed, while they are few enough to find
/// their duplicate pairs among them rather than among all.
struct RewrittenOrganisations {
    /// Beyond this many, one pass over every organisation costs about as much, and holds no list.
    static let limit = 20_000
    /// `nil` once there are more than `limit`, or once a merge may have regrouped any of them.
    private(set) var few: Set<String>? = []

    init(_ organisations: some Sequence<String> = []) {
        self.add(organisations)
    }

    private init(few: Set<String>?) {
        self.few = few
    }

    mutating func add(_ organisations: some Sequence<String>) {
        guard var few = self.few else { return }
        self.few = nil
        few.formUnion(organisations)
        self.few = few.count > Self.limit ? nil : few
    }

    /// Every organisation, as after a merge.
    static let every = RewrittenOrganisations(few: nil)

    mutating func add(_ other: RewrittenOrganisations) {
        guard let few = other.few else {
            self.few = nil
            return
        }
        self.add(few)
    }
}

extension Store {
    /// What makes two organisations look like one created twice, as SQL over the pair `a`, `b`:
    /// the same name (ignoring case, accents and punctuation) and the same country, the same
    /// iCSO number, or the same acronym (ignoring case). Each runs over an index.
    private static let duplicateRules: [(match: String, condition: String, reason: String)] = [
        (
            "b.name_key = a.name_key AND b.country IS a.country", "a.name_key <> ''",
            "'same name and country (' || coalesce(a.country, 'no country') || ')'"
        ),
        ("b.icso_number = a.icso_number", "a.icso_number IS NOT NULL", "'same iCSO number (' || a.icso_number || ')'"),
        (
            "b.acronym = a.acronym COLLATE NOCASE", "a.acronym IS NOT NULL AND a.acronym <> ''",
            // In capitals, as both acronyms read then: the reason must not depend on which of the
            // two was refreshed, or offices that refreshed different ones would disagree.
            "'same acronym (' || upper(a.acronym) || ')'"
        ),
    ]

    /// The statements that insert the pairs `duplicateRules` find: among all organisations, or
    /// (`some`) those of the organisations in the JSON array of ids bound to `?1`. `DISTINCT`,
    /// because a pair of two organisations in the array is found from each of them.
    private static func duplicateInserts(some: Bool) -> [String] {
        self.duplicateRules.map { rule in
            """
            INSERT INTO duplicate_pair (first, second, reason)
            SELECT \(some ? "DISTINCT min(a.id, b.id), max(a.id, b.id)" : "a.id, b.id"), \(rule.reason)
            FROM \(some ? "json_each(?1) r JOIN organisation a ON a.id = r.value JOIN " : "organisation a JOIN ")\
            organisation b ON \(rule.match) AND \(some ? "b.id <> a.id" : "b.id > a.id")
            WHERE \(rule.condition)
            ON CONFLICT DO UPDATE SET reason = reason || '; ' || excluded.reason
            """
        }
    }

    private static let insertsForAll = duplicateInserts(some: false)
    private static let insertsForSome = duplicateInserts(some: true)

    /// Recomputes every duplicate pair among the organisations shown, in constant memory
    /// however many there are. Returns how many pairs there are.
    @discardableResult
    func refreshDuplicates() throws -> Int {
        try self.database.execute("DELETE FROM duplicate_pair")
        for insert in Self.insertsForAll { try self.database.prepare(built: insert).run() }
        return try self.duplicatePairCount()
    }

    /// Recomputes the pairs of the organisations whose rows were rewritten: among them alone when
    /// they are few, so a hub holding many organisations takes a small push without going over
    /// all of them; in one pass over all when they are many.
    func refreshDuplicates(of organisations: RewrittenOrganisations) throws {
        guard let few = organisations.few else {
            try self.refreshDuplicates()
            return
        }
        if !few.isEmpty {
            // One statement per rule for the whole set: a statement per organisation cost a
            // fifth of a hub's time taking pushes.
            let ids = String(decoding: try JSONEncoder().encode(Array(few)), as: UTF8.self)
            try self.database.prepare("DELETE FROM duplicate_pair WHERE first IN (SELECT value FROM json_each(?1))")
                .run(ids)
            try self.database.prepare("DELETE FROM duplicate_pair WHERE second IN (SELECT value FROM json_each(?1))")
                .run(ids)
            for insert in Self.insertsForSome { try self.database.prepare(built: insert).run(ids) }
        }
    }

    /// Recomputes the pairs of `organisations` now, or, while a bulk import runs
    /// (``findingDuplicatesOnce(_:)``), with the rest of its organisations at its end. After one
    /// local write, as cheap as a few index look-ups, so `org duplicates` is always current.
    func refreshOrDeferDuplicates(of organisations: RewrittenOrganisations) throws {
        guard self.deferredDuplicates != nil else {
            try self.refreshDuplicates(of: organisations)
            return
        }
        self.deferredDuplicates?.add(organisations)
    }

    package func duplicatePairCount() throws -> Int {
        Int(try self.database.integer("SELECT count(*) FROM duplicate_pair"))
    }

    /// Runs `body`, a bulk import, with the duplicate pairs of the organisations it writes or
    /// receives found once at the end, rather than after each one.
    ///
    /// ```swift
    /// try store.transaction { try store.findingDuplicatesOnce { try importRows() } }
    /// ```
    public func findingDuplicatesOnce<T>(_ body: () throws -> T) throws -> T {
        guard self.deferredDuplicates == nil else { return try body() }
        self.deferredDuplicates = RewrittenOrganisations()
        defer { self.deferredDuplicates = nil }
        let result = try body()
        // Organisations written in a savepoint rolled back since are in the list too: finding
        // an organisation's pairs again is right whatever it holds.
        if let rewritten = self.deferredDuplicates { try self.refreshDuplicates(of: rewritten) }
        return result
    }

    /// Every pair an organisation of `organisations` is in.
    public func duplicatePairs(among organisations: Set<ID<Organisation>>) throws -> [DuplicatePair] {
        try self.duplicatePairs().filter { organisations.contains($0.first) || organisations.contains($0.second) }
    }

    /// The pairs `organisation` is in, e.g. to warn right after it was added or edited.
    public func duplicatePairs(of organisation: ID<Organisation>) throws -> [DuplicatePair] {
        try self.database.prepare(
            "SELECT first, second, reason FROM duplicate_pair WHERE first = ?1 OR second = ?1 ORDER BY first, second"
        )
        .rows(organisation) { DuplicatePair(first: try $0.id(0), second: try $0.id(1), reason: $0.text(2)) }
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
            // A merge may regroup any organisation's pairs: all are found again, once for many merges.
            try self.refreshOrDeferDuplicates(of: .every)
        }
    }
}
