public import Foundation
public import SignatoryDomain

/// An office whose trust was revoked here (`office revoke`): its changes up to `after` are taken,
/// the later ones refused.
public struct TrustRevocation: Sendable, Equatable {
    /// The position of the last change of the office taken here.
    public let after: Int64
    /// The hash of the change at `after`: changes up to it not held here are taken only from a
    /// feed that reaches it. `nil` for position 0, or for a revocation that an earlier release
    /// made beyond what was held.
    public let hash: String?
    public let at: Date
}

/// What `office revoke` would do, checked against what this office holds, so that it can be
/// confirmed before ``Store/revokeTrust(in:after:hash:now:)`` applies it.
public struct PlannedRevocation: Sendable {
    public let office: ID<Office>
    /// The position of the last change of the office held here.
    public let held: Int64
    /// The position whose changes are taken, and no later one.
    public let after: Int64
    /// The hash of the change at `after` (`nil` for position 0, or a revocation made before
    /// schema 13 beyond what was held).
    public let hash: String?
    /// The office's revocation here before this one, if any.
    public let previous: TrustRevocation?
    /// On a hub, whether the office's enrolment is open and ends with this revocation.
    public let endsEnrolment: Bool

    /// Whether it changes nothing: revoked already at that position, with no enrolment to end.
    public var changesNothing: Bool {
        guard let previous = self.previous, !self.endsEnrolment else { return false }
        return previous.after == self.after && previous.hash == self.hash
    }
}

extension Store {
    /// Checks a revocation of `office` without making it; see ``revokeTrust(in:after:hash:now:)``
    /// for the rules.
    ///
    /// ```swift
    /// let plan = try store.planRevocation(of: bucharest, after: 12, hash: hashOfChange12)
    /// if plan.after > plan.held { print("changes \(plan.held + 1)…\(plan.after) are not held here yet") }
    /// ```
    public func planRevocation(
        of office: ID<Office>,
        after: Int64? = nil,
        hash: String? = nil
    ) throws
        -> PlannedRevocation
    {
        guard office != self.office.id else { throw StoreError.ownOfficeNotRevocable }
        guard let card = try self.trustedOffice(office) else {
            throw StoreError.notFound("trusted office", reference: office.description)
        }
        let previous = try self.trustRevocation(of: office)
        let held = try self.feedEnd(of: office).sequence
        let member = try self.hubMember(office)
        if let after, after < held {
            throw StoreError.revokedBeforeHeld(office: card.name, held: held, after: after)
        }
        // Without a position, a revocation already made stays where it is.
        let position = after ?? previous?.after ?? held
        var pinned: String?
        if let hash {
            guard position > 0 else {
                throw StoreError.revocationHashDiffers(office: card.name, position: 0, held: nil)
            }
            if position <= held {
                let local = try self.changeHash(office: office, sequence: position)
                guard local == hash else {
                    throw StoreError.revocationHashDiffers(office: card.name, position: position, held: local)
                }
                pinned = local
            } else if let other = try self.database.prepare(
                "SELECT sequence FROM change_log WHERE office = ? AND hash = ? LIMIT 1"
            ).firstRow(office, hash, read: { $0.integer(0) }) {
                // No feed can reach the position with it: every bundle would be refused (hostile review 72).
                throw StoreError.revocationHashOfHeldChange(office: card.name, position: position, heldAt: other)
            } else {
                pinned = hash
            }
        } else if position > held {
            if after == nil || after == previous?.after {
                pinned = previous?.hash
            } else {
                // Whoever holds its key could fill the positions not held here with other changes.
                throw StoreError.revocationNeedsHash(office: card.name, held: held, after: position)
            }
        } else if position > 0 {
            // Named by its hash too: a backup holding fewer changes, restored, does not open those
            // positions to whoever holds the key (hostile review 73).
            pinned = try self.changeHash(office: office, sequence: position)
        }
        return PlannedRevocation(
            office: office,
            held: held,
            after: position,
            hash: pinned,
            previous: previous,
            endsEnrolment: member.map { !$0.isRevoked } ?? false
        )
    }

    /// Stops taking changes that `office` writes from now on, as when its laptop or key may be in
    /// other hands: its feed stays as held here, and a bundle carrying a later change of it is
    /// refused, relayed by another office or not; on a hub, its enrolment ends as with ``revoke(_:now:)``.
    /// Returns what it did.
    ///
    /// `after` takes its changes up to that position: every office and the hub that revoke at one
    /// position then take the same changes, whoever relays them. It must be at least the position
    /// held here; given again, it moves the revocation there. Beyond the position held here, it
    /// needs `hash`, the hash of the change at `after` as an office that holds it shows it (`sync
    /// status`): the changes not held yet are taken only from a feed that reaches that change, so
    /// whoever holds the office's key cannot fill those positions. Given for a position held here,
    /// `hash` must be that change's. Without `after`, a revocation made already stays as it is.
    /// Trusting or enrolling the same card again does not undo it (an old card replayed must not),
    /// so the office continues under a new identity (`office recover`).
    ///
    /// ```swift
    /// let revoked = try store.revokeTrust(in: try store.trustedOffice(matching: "Bucharest"), after: 12, hash: h)
    /// ```
    @discardableResult
    public func revokeTrust(
        in office: ID<Office>,
        after: Int64? = nil,
        hash: String? = nil,
        now: Date? = nil
    ) throws -> PlannedRevocation {
        try self.transaction {
            let plan = try self.planRevocation(of: office, after: after, hash: hash)
            let now = now ?? Date()
            // On a hub, an office no longer trusted must not read through it either: its enrolment
            // ends too, also when revoked already (by a release that left it enrolled).
            try self.database.prepare("UPDATE hub_member SET revoked_at = ? WHERE office = ? AND revoked_at IS NULL")
                .run(now, office)
            if let previous = plan.previous, previous.after == plan.after, previous.hash == plan.hash { return plan }
            try self.database.prepare(
                "UPDATE trusted_office SET revoked_after = ?, revoked_after_hash = ?, revoked_at = ? WHERE id = ?"
            )
            .run(plan.after, plan.hash, plan.previous?.at ?? now, office)
            return plan
        }
    }

    /// The revocation of `office`'s trust here; `nil` while it is trusted.
    public func trustRevocation(of office: ID<Office>) throws -> TrustRevocation? {
        try self.database.prepare(
            """
            SELECT revoked_after, revoked_after_hash, revoked_at FROM trusted_office
            WHERE id = ? AND revoked_after IS NOT NULL
            """
        ).firstRow(office) { TrustRevocation(after: $0.integer(0), hash: $0.optionalText(1), at: $0.date(2)) }
    }
}
