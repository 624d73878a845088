public import Foundation
public import SignatoryDomain

extension Store {
    static let signatureColumns =
        "statement_id, organisation_id, contact_id, status, text_hash, consent, recorded_at, source"

    /// Records an organisation's stand on a statement, replacing the one recorded before.
    ///
    /// The status must suit the statement's (see ``Signature/check(_:on:)``), the contact must
    /// belong to the organisation, and a pledge or signature without a wording records the
    /// statement's current one.
    @discardableResult
    public func record(_ signature: Signature) throws -> Signature {
        try self.transaction {
            guard let statement = try self.statement(signature.statementID) else {
                throw StoreError.notFound("statement", reference: signature.statementID.description)
            }
            return try self.record(signature, on: statement)
        }
    }

    /// Records a signature on a statement the caller has just read in the same transaction.
    /// `deciding` names the fields the caller chose rather than carried over from before.
    @discardableResult
    func record(
        _ signature: Signature,
        on statement: JointStatement,
        deciding: Set<String> = Set(EntityKind.signature.fields)
    ) throws -> Signature {
        try self.transaction {
            try Signature.check(signature.status, on: statement.status)
            try self.requireOrganisation(signature.organisationID)
            if let contactID = signature.contactID {
                try self.requireContact(contactID.description, of: signature.organisationID.description)
            }
            var signature = signature
            if signature.status.commitsToText && signature.textHash == nil {
                signature.textHash = statement.textHash
            }
            if signature.status.commitsToText, let wording = signature.textHash {
                try self.recordText(of: statement, ifItsWordingIs: wording)
            }
            let ref = EntityRef(.signature, signature.id.description)
            try self.write(ref, signature.syncFields, deciding: try self.decidedFields(deciding, by: signature))
            return signature
        }
    }

    /// Refuses a contact that does not show here or is not one of `organisation`'s contacts.
    func requireContact(_ contact: String, of organisation: String) throws {
        let owner = try self.database.prepare("SELECT organisation_id, full_name FROM contact WHERE id = ?")
            .firstRow(contact) { (organisation: $0.text(0), name: $0.text(1)) }
        guard let owner else { throw StoreError.notFound("contact", reference: contact) }
        guard owner.organisation == organisation else {
            throw StoreError.contactOfAnotherOrganisation(name: owner.name)
        }
    }

    /// The fields a stand decides, each with the versions it replaces in other records.
    ///
    /// After a merge, the signatures of the organisations merged share one row, settled by the
    /// merge rules (a withdrawal wins). A stand recorded for that row afterwards is a newer
    /// decision than the ones it has seen there: the versions of the fields it decides, held by
    /// the other signatures on the row, are named as replaced by it. Their records keep their
    /// own values, so a signature that later leaves the row takes only its own stand along.
    private func decidedFields(
        _ deciding: Set<String>,
        by signature: Signature
    ) throws -> [String: [HybridTimestamp]] {
        var replaced = Dictionary(uniqueKeysWithValues: deciding.map { ($0, [HybridTimestamp]()) })
        guard try self.hasMergedOrganisations() else { return replaced }
        for sibling in try self.signaturesSharingRow(
            on: signature.statementID.description,
            with: signature.organisationID.description,
            excluding: EntityRef(.signature, signature.id.description)
        ) {
            guard let state = try self.loadState(of: sibling) else { continue }
            for field in deciding {
                replaced[field, default: []] += state.fields[field]?.heads.map(\.timestamp) ?? []
            }
        }
        return replaced
    }

    /// Records an organisation's stand on a statement, as a coordinator or a sign-on import does.
    ///
    /// Recording again keeps the contact and the consent recorded before unless new ones are
    /// given; a first signature consents to publication unless told otherwise. A pledge or a
    /// signature commits to the statement's current wording.
    ///
    /// ```swift
    /// try store.record(.signed, by: cap.id, on: statement, contact: kennedy.id, source: .coordinator)
    /// ```
    @discardableResult
    public func record(
        _ status: SignatureStatus,
        by organisation: ID<Organisation>,
        on statement: JointStatement,
        contact: ID<ContactPerson>? = nil,
        consent: Bool? = nil,
        source: SignatureSource,
        at date: Date = Date()
    ) throws -> Signature {
        try self.record(
            status,
            by: organisation,
            on: statement,
            wording: statement.textHash,
            contact: contact,
            consent: consent,
            source: source,
            at: date
        )
    }

    /// As above, with the statement's current wording hashed once by a caller recording many.
    @discardableResult
    package func record(
        _ status: SignatureStatus,
        by organisation: ID<Organisation>,
        on statement: JointStatement,
        wording: TextHash,
        contact: ID<ContactPerson>? = nil,
        consent: Bool? = nil,
        source: SignatureSource,
        at date: Date = Date()
    ) throws -> Signature {
        try self.transaction {
            // What was recorded before fills in only what the caller leaves out: the
            // organisation's own signature, or else the row it shares after a merge.
            let id = Signature.id(statement: statement.id, organisation: organisation)
            let previous =
                contact != nil && consent != nil
                ? nil : try self.recordedSignature(id) ?? self.signature(id)
            let carried =
                contact != nil
                ? nil : try previous?.contactID.flatMap { try self.isContact($0, of: organisation) ? $0 : nil }
            var deciding: Set<String> = ["status", "textHash", "recordedAt", "source"]
            if contact != nil { deciding.insert("contact") }
            if consent != nil { deciding.insert("consent") }
            return try self.record(
                Signature(
                    statementID: statement.id,
                    organisationID: organisation,
                    contactID: contact ?? carried,
                    status: status,
                    textHash: status.commitsToText ? wording : nil,
                    consentToPublish: consent ?? previous?.consentToPublish ?? true,
                    recordedAt: date,
                    source: source
                ),
                on: statement,
                deciding: deciding
            )
        }
    }

    /// Whether `contact` shows as a contact of `organisation`: one carried over from an earlier
    /// signature may have been removed or erased since, or have left with a merged organisation.
    private func isContact(_ contact: ID<ContactPerson>, of organisation: ID<Organisation>) throws -> Bool {
        try self.database.integer(
            "SELECT count(*) FROM contact WHERE id = ? AND organisation_id = ?",
            contact,
            organisation
        ) == 1
    }

    /// The organisation's own signature record as settled, which differs from its row when
    /// merged organisations' signatures share that row; `nil` when it has none or it was deleted.
    private func recordedSignature(_ id: ID<Signature>) throws -> Signature? {
        guard try self.hasMergedOrganisations() else { return try self.signature(id) }
        let fields = try self.settledFields(of: EntityRef(.signature, id.description))
        guard EntityKind.signature.isPresent(fields) else { return nil }
        return try Signature(syncFields: fields)
    }

    public func signature(_ id: ID<Signature>) throws -> Signature? {
        try self.database.prepare(built: "SELECT \(Store.signatureColumns) FROM signature WHERE id = ?")
            .firstRow(id, read: Store.readSignature)
    }

    /// A statement's signatures, by organisation name.
    public func signatures(on statement: ID<JointStatement>) throws -> [Signature] {
        try self.database.prepare(
            built: """
                SELECT \(Store.signatureColumns.split(separator: ",").map { "s." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                FROM signature s JOIN organisation o ON o.id = s.organisation_id
                WHERE s.statement_id = ? ORDER BY o.name COLLATE NOCASE, o.id
                """
        ).rows(statement, read: Store.readSignature)
    }

    static func readSignature(_ row: Row) throws -> Signature {
        Signature(
            statementID: try row.id(0),
            organisationID: try row.id(1),
            contactID: try row.optionalID(2),
            status: try row.choice(3),
            textHash: row.optionalText(4).flatMap(TextHash.init(hex:)),
            consentToPublish: row.bool(5),
            recordedAt: row.date(6),
            source: try row.choice(7)
        )
    }
}
