import Foundation
public import SignatoryDomain

/// A signature with the organisation that made it and the contact it names.
public struct Signatory: Sendable, Hashable {
    public let signature: Signature
    public let organisation: Organisation
    public let contact: ContactPerson?
    /// The contact is at risk, or shares a name, email address or phone number with one who is
    /// (``ProtectedIdentities``): never to be named outside the office.
    public let contactIsProtected: Bool
}

extension Store {
    /// A statement's signatures with their organisations and contacts, by organisation name, in
    /// one query: what a signatory block and a co-signers table read for thousands of co-signers.
    ///
    /// ```swift
    /// for entry in try store.signatories(of: statement.id) where entry.signature.status == .signed {
    ///     print(entry.organisation.displayName, entry.contact?.fullName ?? "")
    /// }
    /// ```
    public func signatories(of statement: ID<JointStatement>) throws -> [Signatory] {
        func prefixed(_ columns: String, _ table: String) -> String {
            columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespaces))" }
                .joined(separator: ", ")
        }
        let signatureCount = Int32(Store.signatureColumns.split(separator: ",").count)
        let organisationCount = Int32(Store.organisationColumns.split(separator: ",").count)
        let identities = try self.protectedIdentities()
        return try self.database.prepare(
            built: """
                SELECT \(prefixed(Store.signatureColumns, "s")), \(prefixed(Store.organisationColumns, "o")),
                       \(prefixed(Store.contactColumns, "c"))
                FROM signature s JOIN organisation o ON o.id = s.organisation_id LEFT JOIN contact c ON c.id = s.contact_id
                WHERE s.statement_id = ? ORDER BY o.name COLLATE NOCASE, o.id
                """
        ).rows(statement) { row in
            let columns = row.columns(from: signatureCount + organisationCount)
            let contact = columns.isNull(0) ? nil : try Store.readContact(columns)
            return Signatory(
                signature: try Store.readSignature(row),
                organisation: try Store.readOrganisation(row.columns(from: signatureCount)),
                contact: contact,
                contactIsProtected: contact.map(identities.protects) ?? false
            )
        }
    }
}
