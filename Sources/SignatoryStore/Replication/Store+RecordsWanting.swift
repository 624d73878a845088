import SignatoryDomain

/// Records that want a change this office does not hold, which only set-aside changes (of an
/// office revoked here) or an office not trusted here leave missing.
extension Store {
    /// Records held here that want a change not held here, as one an office revoked here wrote
    /// after its revocation (set aside) or one of an office not trusted here: a record edited
    /// here whose creation is missing does not show (a contact without its at-risk mark must not);
    /// one naming a record never created here, or one that does not show, does not show either,
    /// or shows without it (a signature without its contact, a statement without its lead). The
    /// first `limit` of them, and how many there are; none while no office is revoked here.
    ///
    /// ```swift
    /// let wanting = try store.recordsWantingChangesNotHeld()
    /// if wanting.count > 0 { print(wanting.first.map(\.id)) }
    /// ```
    public func recordsWantingChangesNotHeld(limit: Int = 10) throws -> (count: Int, first: [EntityRef]) {
        guard
            try self.database.prepare("SELECT 1 FROM trusted_office WHERE revoked_after IS NOT NULL LIMIT 1")
                .firstRow(read: { _ in true }) != nil
        else { return (0, []) }
        var found = try self.recordsNamingRecordsNotHeld().union(try self.recordsNeverCreatedHere())
        // What names a record that does not show does not show either, or shows without it.
        var queue = try Array(found.filter { try !self.hasRow($0) })
        while let ref = queue.popLast() {
            let referrers = try self.database.prepare(
                "SELECT kind, entity_id, field FROM record_reference WHERE target = ?"
            )
            .rows(ref.id) { row -> EntityRef? in
                guard let kind = EntityKind(rawValue: row.text(0)), kind.referencedKind(by: row.text(2)) == ref.kind
                else { return nil }
                return EntityRef(kind, row.text(1))
            }
            for case let referrer? in referrers where found.insert(referrer).inserted {
                if try !self.hasRow(referrer) { queue.append(referrer) }
            }
        }
        return (found.count, Array(found.sorted().prefix(max(0, limit))))
    }

    /// Records whose reference field names a record of which no change is held here.
    private func recordsNamingRecordsNotHeld() throws -> Set<EntityRef> {
        var found: Set<EntityRef> = []
        for kind in EntityKind.allCases {
            for field in kind.referenceFields {
                guard let target = kind.referencedKind(by: field) else { continue }
                let ids = try self.database.prepare(
                    """
                    SELECT entity_id FROM record_reference r WHERE kind = ? AND field = ?
                    AND NOT EXISTS (SELECT 1 FROM entity_state s WHERE s.kind = ? AND s.entity_id = r.target)
                    """
                ).rows(kind.rawValue, field, target.rawValue) { $0.text(0) }
                found.formUnion(ids.map { EntityRef(kind, $0) })
            }
        }
        return found
    }

    /// Records edited here whose creation is not held: neither deleted nor erased, and without
    /// the fields every record of their kind is created with.
    private func recordsNeverCreatedHere() throws -> Set<EntityRef> {
        var found: Set<EntityRef> = []
        for (kind, table) in Self.rowTables {
            // Records without a row: deleted, merged, erased, hidden with their parent, or never created here.
            let ids = try self.database.prepare(
                built:
                    "SELECT entity_id FROM entity_state s WHERE kind = ? AND NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.id = s.entity_id)"
            ).rows(kind.rawValue) { $0.text(0) }
            for id in ids {
                let fields = try self.settledFields(of: EntityRef(kind, id))
                guard fields[EntityKind.deletedField] != .bool(true), fields[EntityKind.erasedField] != .bool(true),
                    !kind.isPresent(fields)
                else { continue }
                found.insert(EntityRef(kind, id))
            }
        }
        return found
    }

    /// The table holding each kind's rows, keyed by the record's id (a signature's row may be
    /// another signature's, after a merge; no record names a signature).
    private static let rowTables: [(EntityKind, String)] = [
        (.campaign, "campaign"), (.organisation, "organisation"), (.contact, "contact"), (.statement, "statement"),
        (.signature, "signature"),
    ]

    private func hasRow(_ ref: EntityRef) throws -> Bool {
        guard let table = Self.rowTables.first(where: { $0.0 == ref.kind })?.1 else { return true }
        return try self.database.prepare(built: "SELECT 1 FROM \(table) WHERE id = ?").firstRow(ref.id) { _ in true }
            != nil
    }
}
