import Foundation
import SignatoryDomain

extension Store {
    private static let signatureColumns =
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

    /// Records a signature on a statement the caller has just read in the same transaction,
    /// as a bulk import does for each of its rows.
    @discardableResult
    package func record(_ signature: Signature, on statement: JointStatement) throws -> Signature {
        try self.transaction {
            try Signature.check(signature.status, on: statement.status)
            try self.requireOrganisation(signature.organisationID)
            if let contactID = signature.contactID {
                let owner = try self.database.prepare("SELECT organisation_id, full_name FROM contact WHERE id = ?")
                    .firstRow(contactID) { (organisation: $0.text(0), name: $0.text(1)) }
                guard let owner else { throw StoreError.notFound("contact", reference: contactID.description) }
                guard owner.organisation == signature.organisationID.description else {
                    throw StoreError.inUse("contact \(owner.name)", detail: "belongs to another organisation; pick one of this organisation's contacts")
                }
            }
            var signature = signature
            if signature.status.commitsToText && signature.textHash == nil {
                signature.textHash = statement.textHash
            }
            try self.write(EntityRef(.signature, signature.id.description), signature.syncFields)
            return signature
        }
    }

    public func signature(_ id: ID<Signature>) throws -> Signature? {
        try self.database.prepare("SELECT \(Store.signatureColumns) FROM signature WHERE id = ?")
            .firstRow(id, read: Store.readSignature)
    }

    /// A statement's signatures, by organisation name.
    public func signatures(on statement: ID<JointStatement>) throws -> [Signature] {
        try self.database.prepare("""
            SELECT \(Store.signatureColumns.split(separator: ",").map { "s." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
            FROM signature s JOIN organisation o ON o.id = s.organisation_id
            WHERE s.statement_id = ? ORDER BY o.name COLLATE NOCASE, o.id
            """).rows(statement, read: Store.readSignature)
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
