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

    /// Records held here that name a record no change held here writes, as when an office revoked
    /// here created it after its revocation and those changes were set aside: such a contact or
    /// signature stays hidden, and such a statement shows without its lead. The first `limit` of
    /// them, and how many there are; none while no office is revoked here, as only set-aside
    /// changes leave such a gap.
    ///
    /// ```swift
    /// let hidden = try store.recordsNamingRecordsNotHeld()
    /// if hidden.count > 0 { print(hidden.first.map(\.id)) }
    /// ```
    public func recordsNamingRecordsNotHeld(limit: Int = 10) throws -> (count: Int, first: [EntityRef]) {
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
        return (found.count, Array(found.sorted().prefix(max(0, limit))))
    }
}
