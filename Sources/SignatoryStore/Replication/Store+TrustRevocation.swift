public import Foundation
public import SignatoryDomain

extension Store {
    /// Stops taking changes that `office` writes from now on, as when its laptop or key may be in
    /// other hands: its feed stays as held here, and a bundle carrying a later change of it is
    /// refused, relayed by another office or not; on a hub, its enrolment ends as with ``revoke(_:now:)``.
    /// Returns the position of the last change taken.
    ///
    /// `after` takes its changes up to that position, held here yet or not: every office and the
    /// hub that revoke at one position then take the same changes, whoever relays them. It must be
    /// at least the position held here; given again, it moves the revocation there. Otherwise,
    /// revoking again changes nothing but an enrolment left open. Trusting or enrolling the same
    /// card again does not undo it (an old card replayed must not), so the office continues under
    /// a new identity (`office recover`).
    ///
    /// ```swift
    /// let last = try store.revokeTrust(in: try store.trustedOffice(matching: "Bucharest"), after: 12)
    /// ```
    @discardableResult
    public func revokeTrust(in office: ID<Office>, after: Int64? = nil, now: Date? = nil) throws -> Int64 {
        try self.transaction {
            guard office != self.office.id else { throw StoreError.ownOfficeNotRevocable }
            guard let card = try self.trustedOffice(office) else {
                throw StoreError.notFound("trusted office", reference: office.description)
            }
            let now = now ?? Date()
            // On a hub, an office no longer trusted must not read through it either: its enrolment
            // ends too, also when revoked already (by a release that left it enrolled).
            try self.database.prepare("UPDATE hub_member SET revoked_at = ? WHERE office = ? AND revoked_at IS NULL")
                .run(now, office)
            let held = try self.feedEnd(of: office).sequence
            if let after, after < held {
                throw StoreError.revokedBeforeHeld(office: card.name, held: held, after: after)
            }
            let revoked = try self.trustRevocation(of: office)
            if let revoked, after == nil || after == revoked.after { return revoked.after }
            let last = after ?? held
            try self.database.prepare("UPDATE trusted_office SET revoked_after = ?, revoked_at = ? WHERE id = ?")
                .run(last, revoked?.at ?? now, office)
            return last
        }
    }

    /// The position of the last change of `office` taken here, and when its trust was revoked;
    /// `nil` while it is trusted.
    public func trustRevocation(of office: ID<Office>) throws -> (after: Int64, at: Date)? {
        try self.database.prepare(
            "SELECT revoked_after, revoked_at FROM trusted_office WHERE id = ? AND revoked_after IS NOT NULL"
        ).firstRow(office) { (after: $0.integer(0), at: $0.date(1)) }
    }
}
