public import Foundation
public import SignatoryDomain

/// An office a hub serves: who it is, what its requests may read, and whether it was revoked.
public struct HubMember: Sendable, Hashable {
    public let card: OfficeCard
    public let audience: ExportAudience
    public let enrolledAt: Date
    /// When `hub revoke` ended its enrolment, or else when `office revoke` revoked its trust here:
    /// an office no longer trusted is not served, whatever its enrolment says.
    public let revokedAt: Date?

    public var isRevoked: Bool { self.revokedAt != nil }
}

extension Store {
    /// Enrols an office on this hub by its card, trusting its feed; enrolling again re-admits an
    /// office `hub revoke` stopped and sets its audience, but not one whose trust `office revoke` revoked.
    /// - Parameter now: when the enrolment takes effect; by default, once a serving hub lets go
    ///   of the database, which may be seconds after the call.
    public func enrol(_ card: OfficeCard, audience: ExportAudience, now: Date? = nil) throws {
        try self.transaction {
            let now = now ?? Date()
            try self.trust(card, now: now)
            // Its card again does not undo `office revoke`, whose key may be in other hands.
            if try self.trustRevocation(of: card.id) != nil {
                throw StoreError.enrolmentOfRevoked(office: "\(card.name) (\(card.id))")
            }
            try self.database.prepare(
                """
                INSERT INTO hub_member (office, name, audience, enrolled_at, revoked_at) VALUES (?, ?, ?, ?, NULL)
                ON CONFLICT (office) DO UPDATE SET name = excluded.name, audience = excluded.audience,
                    enrolled_at = excluded.enrolled_at, revoked_at = NULL
                """
            ).run(card.id, card.name, audience.rawValue, now)
        }
    }

    /// Refuses the office's requests from now on; its feed stays, as other offices hold it too.
    /// - Parameter now: when the revocation takes effect; by default, once a serving hub lets go
    ///   of the database: the pushes it applies until then are the office's last.
    public func revoke(_ office: ID<Office>, now: Date? = nil) throws {
        try self.transaction {
            try self.refuseIfSucceeded()
            let now = now ?? Date()
            guard try self.hubMember(office) != nil else {
                throw StoreError.notFound("enrolled office", reference: office.description)
            }
            try self.database.prepare("UPDATE hub_member SET revoked_at = ? WHERE office = ?").run(now, office)
        }
    }

    public func hubMember(_ office: ID<Office>) throws -> HubMember? {
        try self.database.prepare(
            """
            SELECT m.office, m.name, t.public_key, m.audience, m.enrolled_at, coalesce(m.revoked_at, t.revoked_at)
            FROM hub_member m JOIN trusted_office t ON t.id = m.office WHERE m.office = ?
            """
        ).firstRow(office, read: Store.readMember)
    }

    public func hubMembers() throws -> [HubMember] {
        try self.database.prepare(
            """
            SELECT m.office, m.name, t.public_key, m.audience, m.enrolled_at, coalesce(m.revoked_at, t.revoked_at)
            FROM hub_member m JOIN trusted_office t ON t.id = m.office ORDER BY m.name, m.office
            """
        ).rows(read: Store.readMember)
    }

    private static func readMember(_ row: Row) throws -> HubMember {
        HubMember(
            card: OfficeCard(id: try row.id(0), name: row.text(1), publicKey: row.text(2)),
            audience: try row.choice(3),
            enrolledAt: row.date(4),
            revokedAt: row.isNull(5) ? nil : row.date(5)
        )
    }
}
