package import SignatoryDomain

/// What must survive when one database of an office takes the place of another (`office restore`,
/// `office recover`): the decisions that narrow who may write or read here. An office whose trust
/// was revoked (`office revoke`) may have its key in other hands, an enrolment ended (`hub revoke`)
/// or an audience narrowed (`hub enroll --audience`) was meant to keep an office from reading
/// something; none of them may be undone by a file that predates it.
///
/// ```swift
/// let decisions = try ReplacementDecisions(readFrom: current)
/// let kept = try decisions.keep(in: replacement, for: .restore)
/// ```
package struct ReplacementDecisions: Sendable {
    struct Revocation: Sendable {
        let id, name, publicKey: String
        let trustedAt: Int64
        let recipient, recipientSignature: String?
        let after, at: Int64
        let hash: String?
        /// The hash of each of the office's changes held where the decision was read, by position:
        /// a replacing database must hold the same ones.
        var held: [Int64: String] = [:]
    }

    struct Member: Sendable {
        let office, name: String
        /// `nil` when the stored text is no audience (a file edited by hand): taken as the narrowest.
        let audience: ExportAudience?
        let enrolledAt: Int64
        let revokedAt: Int64?
    }

    /// `nil` when the table could not be read (a damaged page).
    let revocations: [Revocation]?
    let members: [Member]?

    /// The tables the decisions are read from.
    private static let tables = ["trusted_office", "hub_member"]
    /// Tables found damaged (their own `PRAGMA integrity_check` fails): some of their rows may be
    /// missing, with no error.
    private var damaged: Set<String> = []

    /// Whether every decision was read: otherwise some may be lost, and the caller says so.
    package var isWhole: Bool {
        self.revocations != nil && self.enrolmentsRead && !self.damaged.contains("trusted_office")
    }
    /// Whether every enrolment and audience was read.
    package var enrolmentsRead: Bool { self.members != nil && !self.damaged.contains("hub_member") }

    /// What `database` holds now, each table as far as it reads: a damaged page in one does not
    /// lose the other. Ids are read in their one spelling (lower case), as Signatory writes them.
    package init(readFrom database: Database) throws {
        var revocations = try Self.readable {
            // A file an older release left (schema 12) has no hash column; it read as NULL there.
            let hash =
                try database.integer(
                    "SELECT count(*) FROM pragma_table_info('trusted_office') WHERE name = 'revoked_after_hash'"
                ) == 1 ? "revoked_after_hash" : "NULL"
            return try database.prepare(
                built: """
                    SELECT lower(id), name, public_key, trusted_at, recipient, recipient_signature, revoked_after,
                        revoked_at, \(hash)
                    FROM trusted_office WHERE revoked_after IS NOT NULL ORDER BY name, id
                    """
            ).rows {
                Revocation(
                    id: $0.text(0),
                    name: $0.text(1),
                    publicKey: $0.text(2),
                    trustedAt: $0.integer(3),
                    recipient: $0.optionalText(4),
                    recipientSignature: $0.optionalText(5),
                    after: $0.integer(6),
                    at: $0.integer(7),
                    hash: $0.optionalText(8)
                )
            }
        }
        // Unreadable, the feeds held say nothing; the revocations still count.
        for index in revocations?.indices ?? 0..<0 {
            guard let revocation = revocations?[index] else { continue }
            let rows =
                try Self.readable {
                    try database.prepare("SELECT sequence, hash FROM change_log WHERE office = ? AND sequence <= ?")
                        .rows(revocation.id, revocation.after) { ($0.integer(0), $0.text(1)) }
                } ?? []
            revocations?[index].held = Dictionary(rows, uniquingKeysWith: { first, _ in first })
        }
        self.revocations = revocations
        // A damaged page can lose rows without an error (a cell count written short, or a page
        // written back as it was before the row): each table is checked on its own, so damage
        // elsewhere casts no doubt on them, and against its index, which may still hold a row its
        // pages lost (`quick_check` compares neither). A row written back as it was before a
        // decision, with its index unchanged, looks whole to any check.
        for table in Self.tables {
            let verdict = try Self.readable {
                try database.prepare(built: "PRAGMA main.integrity_check(\(table))").rows { $0.text(0) }
            }
            if verdict != ["ok"] { self.damaged.insert(table) }
        }
        self.members = try Self.readable {
            try database.prepare(
                "SELECT lower(office), name, audience, enrolled_at, revoked_at FROM hub_member ORDER BY name, office"
            ).rows {
                Member(
                    office: $0.text(0),
                    name: $0.text(1),
                    audience: ExportAudience(rawValue: $0.text(2)),
                    enrolledAt: $0.integer(3),
                    revokedAt: $0.optionalInteger(4)
                )
            }
        }
    }

    /// `nil` when SQLite cannot read the table: its pages are damaged, or the file's schema is not
    /// this release's. A database another process holds is an error, not a damaged one.
    private static func readable<T>(_ read: () throws -> T) throws -> T? {
        do {
            return try read()
        } catch let error as SQLiteError where error.isBusy {
            throw error
        } catch is SQLiteError {
            return nil
        }
    }

    private static func requireHeld(
        by database: Database,
        within revocation: Revocation,
        for replacement: Replacement
    ) throws {
        let hashAt = try database.prepare("SELECT hash FROM change_log WHERE office = ? AND sequence = ?")
        let end =
            try database.prepare("SELECT max(sequence) FROM change_log WHERE office = ?")
            .firstRow(revocation.id) { $0.optionalInteger(0) } ?? nil
        guard let end else { return }
        func refuse(differingAt position: Int64?) -> StoreError {
            .replacementBeyondRevocation(
                office: revocation.name,
                after: revocation.after,
                held: end,
                differsAt: position,
                fromBackup: replacement == .restore
            )
        }
        if end > revocation.after { throw refuse(differingAt: nil) }
        if end == revocation.after, let hash = revocation.hash,
            try hashAt.firstRow(revocation.id, end, read: { $0.text(0) }) != hash
        {
            throw refuse(differingAt: nil)
        }
        // Where both hold the feed, the same changes: one hash stands for the chain up to it.
        if let shared = revocation.held.keys.max().map({ min(end, $0) }), let hash = revocation.held[shared],
            try hashAt.firstRow(revocation.id, shared, read: { $0.text(0) }) != hash
        {
            throw refuse(differingAt: shared)
        }
    }

    /// An office as the replaced database named it, and its id.
    package struct NamedOffice: Hashable, Sendable, CustomStringConvertible {
        package let name, id: String
        /// "Name (id)": two offices may share a name.
        package var description: String { "\(self.name) (\(self.id))" }
    }

    /// What the database that takes the place of another kept of these decisions, where its own
    /// said otherwise.
    package struct Kept: Sendable {
        /// Offices whose trust stays revoked.
        package var revoked: [NamedOffice] = []
        /// Offices revoked in both, whose revocation stays where it was moved since the backup,
        /// with the position of the last change taken.
        package var moved: [(office: NamedOffice, after: Int64)] = []
        /// On a hub, offices whose enrolment stays ended.
        package var enrolmentsEnded: [NamedOffice] = []
        /// On a hub, offices whose audience stays the narrower one, with that audience.
        package var audiences: [(office: NamedOffice, audience: ExportAudience)] = []
    }

    /// How one database takes the place of another.
    package enum Replacement: Sendable {
        /// `office restore`: a backup of this office takes the place of its database.
        case restore
        /// `office recover`: a new database continues this one, so it gets every enrolment.
        case recover
    }

    /// Writes these decisions into `database` wherever it says otherwise: a revocation it lacks
    /// (the office's card too, when it does not hold it), an enrolment ended, an audience narrower
    /// than its own. On `.recover`, enrolments it lacks are added too, as it continues this hub.
    /// Run inside the caller's transaction.
    ///
    /// Refused when `database` holds changes of a revoked office that the revocation refuses:
    /// beyond its position, or another change at it than the one it names by its hash (a backup
    /// that took changes written with a stolen key before the revocation was made).
    @discardableResult
    package func keep(in database: Database, for replacement: Replacement) throws -> Kept {
        let everyEnrolment = replacement == .recover
        var kept = Kept()
        for revocation in self.revocations ?? [] {
            try Self.requireHeld(by: database, within: revocation, for: replacement)
            let held = try database.prepare("SELECT revoked_after, revoked_after_hash FROM trusted_office WHERE id = ?")
                .firstRow(revocation.id) { row in row.optionalInteger(0).map { (after: $0, hash: row.optionalText(1)) }
                }
            switch held {
            case .none:
                try database.prepare(
                    """
                    INSERT INTO trusted_office
                        (id, name, public_key, trusted_at, recipient, recipient_signature, revoked_after, revoked_at,
                         revoked_after_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
                ).run(
                    revocation.id,
                    revocation.name,
                    revocation.publicKey,
                    revocation.trustedAt,
                    revocation.recipient,
                    revocation.recipientSignature,
                    revocation.after,
                    revocation.at,
                    revocation.hash
                )
            case .some(.none):
                try database.prepare(
                    "UPDATE trusted_office SET revoked_after = ?, revoked_at = ?, revoked_after_hash = ? WHERE id = ?"
                )
                .run(revocation.after, revocation.at, revocation.hash, revocation.id)
            case .some(.some(let other)):
                // Moved since the backup (another position, or another change named by its hash):
                // the backup's must not bring back what was corrected (hostile review 72).
                if other.after == revocation.after && other.hash == revocation.hash { continue }
                try database.prepare(
                    "UPDATE trusted_office SET revoked_after = ?, revoked_after_hash = ? WHERE id = ?"
                )
                .run(revocation.after, revocation.hash, revocation.id)
                kept.moved.append((NamedOffice(name: revocation.name, id: revocation.id), revocation.after))
                continue
            }
            kept.revoked.append(NamedOffice(name: revocation.name, id: revocation.id))
        }
        for member in self.members ?? [] {
            let named = NamedOffice(name: member.name, id: member.office)
            // An audience that reads as none is taken as the narrowest, never as the backup's wider one.
            let audience = member.audience ?? .public
            let held = try database.prepare("SELECT audience, revoked_at FROM hub_member WHERE office = ?")
                .firstRow(member.office) {
                    (audience: ExportAudience(rawValue: $0.text(0)), revokedAt: $0.optionalInteger(1))
                }
            guard let held else {
                guard everyEnrolment || member.revokedAt != nil else { continue }
                try database.prepare(
                    "INSERT INTO hub_member (office, name, audience, enrolled_at, revoked_at) VALUES (?, ?, ?, ?, ?)"
                ).run(member.office, member.name, audience.rawValue, member.enrolledAt, member.revokedAt)
                if !everyEnrolment { kept.enrolmentsEnded.append(named) }
                continue
            }
            if let revokedAt = member.revokedAt, held.revokedAt == nil {
                try database.prepare("UPDATE hub_member SET revoked_at = ? WHERE office = ?").run(
                    revokedAt,
                    member.office
                )
                kept.enrolmentsEnded.append(named)
            }
            if audience != held.audience, held.audience.map(audience.isNoWiderThan) ?? true {
                try database.prepare("UPDATE hub_member SET audience = ? WHERE office = ?").run(
                    audience.rawValue,
                    member.office
                )
                kept.audiences.append((named, audience))
            }
        }
        return kept
    }
}
