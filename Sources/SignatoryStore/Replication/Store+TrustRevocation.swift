public import Foundation
public import SignatoryDomain

extension Store {
    /// Stops taking changes that `office` writes from now on, as when its laptop or key may be in
    /// other hands: its feed stays as held here, and a bundle carrying a later change of it is
    /// refused, relayed by another office or not; on a hub, its enrolment ends as with ``revoke(_:now:)``.
    /// Returns the position of the last change taken.
    /// Revoking again changes nothing but an enrolment left open; trusting or enrolling the same
    /// card again does not undo it (an old card replayed must not), so the office continues under
    /// a new identity (`office recover`).
    ///
    /// ```swift
    /// let last = try store.revokeTrust(in: try store.trustedOffice(matching: "Bucharest"))
    /// ```
    @discardableResult
    public func revokeTrust(in office: ID<Office>, now: Date? = nil) throws -> Int64 {
        try self.transaction {
            guard office != self.office.id else { throw StoreError.ownOfficeNotRevocable }
            guard try self.trustedOffice(office) != nil else {
                throw StoreError.notFound("trusted office", reference: office.description)
            }
            let now = now ?? Date()
            // On a hub, an office no longer trusted must not read through it either: its enrolment
            // ends too, also when revoked already (by a release that left it enrolled).
            try self.database.prepare("UPDATE hub_member SET revoked_at = ? WHERE office = ? AND revoked_at IS NULL")
                .run(now, office)
            if let revoked = try self.trustRevocation(of: office) { return revoked.after }
            let last = try self.feedEnd(of: office).sequence
            try self.database.prepare("UPDATE trusted_office SET revoked_after = ?, revoked_at = ? WHERE id = ?")
                .run(last, now, office)
            return last
        }
    }

    /// Revokes `office` as another database of this office did, after the same change: a database
    /// `office recover` writes keeps the revocations of the one it continues.
    package func keepRevocation(of office: ID<Office>, after: Int64, at: Date) throws {
        try self.database.prepare(
            "UPDATE trusted_office SET revoked_after = ?, revoked_at = ? WHERE id = ? AND revoked_after IS NULL"
        ).run(after, at, office)
    }

    /// The position of the last change of `office` taken here, and when its trust was revoked;
    /// `nil` while it is trusted.
    public func trustRevocation(of office: ID<Office>) throws -> (after: Int64, at: Date)? {
        try self.database.prepare(
            "SELECT revoked_after, revoked_at FROM trusted_office WHERE id = ? AND revoked_after IS NOT NULL"
        ).firstRow(office) { (after: $0.integer(0), at: $0.date(1)) }
    }

    /// Records held here that want a change not held here, as one an office revoked here wrote
    /// after its revocation (set aside) or one of an office not trusted here: a record edited
    /// here whose creation is missing does not show (a contact without its at-risk mark must not),
    /// and one naming a record never created here does not show, or shows without it (a
    /// signature without its contact, a statement without its lead). The first `limit` of them,
    /// and how many there are; none while no office is revoked here.
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
        // Records without a row: deleted, merged, erased, or never created here.
        let rowless: [(EntityKind, String)] = [
            (.campaign, "campaign"), (.organisation, "organisation"), (.contact, "contact"), (.statement, "statement"),
            (.signature, "signature"),
        ]
        for (kind, table) in rowless {
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
        return (found.count, Array(found.sorted().prefix(max(0, limit))))
    }
}
