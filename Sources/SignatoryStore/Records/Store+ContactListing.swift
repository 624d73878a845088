public import SignatoryDomain

/// Which contacts a contact sheet covers.
public enum ContactScope: Sendable, Hashable {
    /// The contacts of the statement's lead organisation and of organisations with a signature
    /// (of any status) on it.
    case statement(ID<JointStatement>)
    /// The same for each of the campaign's statements.
    case campaign(ID<Campaign>)
    /// Every organisation and its contacts.
    case all
}

/// One line of a contact sheet as stored: an organisation, one of its contacts (or none, for an
/// organisation without contacts), and its stand on the statement in scope.
///
/// Values are the validated text the store holds, so a sheet of 100,000 lines is read quickly.
public struct ContactListing: Sendable, Hashable {
    public var organisationID: String
    public var organisationName: String
    public var acronym: String?
    public var country: String?
    public var ecosoc: ECOSOCCategory
    public var standing: ConsultativeStanding
    public var contactID: String?
    public var fullName: String?
    public var title: String?
    public var email: String?
    public var phone: String?
    /// The contact is at risk, or shares a name, email address or phone number with one who is
    /// (``ProtectedIdentities``).
    public var atRisk: Bool
    public var contactConsented: Bool
    /// The signature's status; `nil` for ``ContactScope/all``, and for a lead organisation that
    /// has not signed its own statement.
    public var signatureStatus: SignatureStatus?
    /// Whether the organisation leads the statement in scope, whose published text names it.
    public var isLead: Bool
    /// Whether the organisation signed with consent to publication (for ``ContactScope/all``
    /// and for a statement's lead: on any statement that is not a draft).
    public var organisationConsented: Bool
    public var statementTitle: String?
    public var campaignName: String?
    /// The status of the statement in scope; `nil` for ``ContactScope/all``.
    public var statementStatus: StatementStatus?
}

extension Store {
    /// Whether the organisation in `column` signed a statement that is not a draft with consent
    /// to publication: a draft is nobody's outside the coalition, and it may go back to draft.
    private static func signedWithConsent(_ column: String) -> String {
        """
        EXISTS (SELECT 1 FROM signature consented JOIN statement signed_on ON signed_on.id = consented.statement_id
            WHERE consented.organisation_id = \(column) AND consented.status = 'signed' AND consented.consent = 1
            AND signed_on.status <> 'draft')
        """
    }

    private static let listingColumns = """
        o.id, o.name, o.acronym, o.country, o.ecosoc, o.standing,
        c.id, c.full_name, c.title, c.email, c.phone, c.at_risk, c.consent
        """

    /// Streams the lines of a contact sheet, by organisation name and then contact name.
    ///
    /// ```swift
    /// try store.forEachContactListing(in: .statement(statement.id)) { line in print(line.organisationName) }
    /// ```
    public func forEachContactListing(in scope: ContactScope, _ body: (ContactListing) throws -> Void) throws {
        // The signatories, then the lead (whom the audience may see only once the statement is published).
        func statements(where condition: String) -> String {
            """
            SELECT \(Store.listingColumns), s.status, (s.status = 'signed' AND s.consent = 1), st.title, ca.name,
                0, st.id, st.status
            FROM signature s
            JOIN organisation o ON o.id = s.organisation_id
            JOIN statement st ON st.id = s.statement_id
            JOIN campaign ca ON ca.id = st.campaign_id
            LEFT JOIN contact c ON c.organisation_id = o.id
            WHERE \(condition) AND o.id IS NOT st.lead_organisation_id
            UNION ALL
            SELECT \(Store.listingColumns), s.status, \(Store.signedWithConsent("o.id")),
                st.title, ca.name, 1, st.id, st.status
            FROM statement st
            JOIN organisation o ON o.id = st.lead_organisation_id
            JOIN campaign ca ON ca.id = st.campaign_id
            LEFT JOIN signature s ON s.statement_id = st.id AND s.organisation_id = o.id
            LEFT JOIN contact c ON c.organisation_id = o.id
            WHERE \(condition)
            ORDER BY 2 COLLATE NOCASE, 1, 16, 19, 8 COLLATE NOCASE, 7
            """
        }
        // A contact who shares a name, email or phone with a contact at risk is listed as at risk.
        let identities = try self.protectedIdentities()
        let read = { (row: Row) throws -> Void in
            var listing = try Store.readListing(row)
            if !listing.atRisk, identities.protects(name: listing.fullName, email: listing.email, phone: listing.phone)
            {
                listing.atRisk = true
            }
            try body(listing)
        }
        switch scope {
        case .statement(let id):
            try self.database.prepare(built: statements(where: "st.id = ?1")).forEachRow(id, body: read)
        case .campaign(let id):
            try self.database.prepare(built: statements(where: "st.campaign_id = ?1")).forEachRow(id, body: read)
        case .all:
            try self.database.prepare(
                built: """
                    SELECT \(Store.listingColumns), NULL, \(Store.signedWithConsent("o.id")), NULL, NULL, 0, NULL, NULL
                    FROM organisation o LEFT JOIN contact c ON c.organisation_id = o.id
                    ORDER BY o.name COLLATE NOCASE, o.id, c.full_name COLLATE NOCASE, c.id
                    """
            ).forEachRow(body: read)
        }
    }

    /// The organisations that signed a statement that is not a draft with consent to publication.
    public func organisationsConsentingToPublication() throws -> Set<ID<Organisation>> {
        Set(
            try self.database.prepare(
                built: "SELECT id FROM organisation WHERE \(Store.signedWithConsent("organisation.id"))"
            )
            .rows { try $0.id(0) as ID<Organisation> }
        )
    }

    /// Whether one organisation signed a statement that is not a draft with consent to
    /// publication: ``organisationsConsentingToPublication()`` for a single record's read.
    public func consentsToPublication(_ organisation: ID<Organisation>) throws -> Bool {
        try self.database.prepare(built: "SELECT \(Store.signedWithConsent("?"))").firstRow(organisation.description) {
            $0.integer(0) != 0
        } ?? false
    }

    private static func readListing(_ row: Row) throws -> ContactListing {
        ContactListing(
            organisationID: row.text(0),
            organisationName: row.text(1),
            acronym: row.optionalText(2),
            country: row.optionalText(3),
            ecosoc: try row.choice(4),
            standing: try row.choice(5),
            contactID: row.optionalText(6),
            fullName: row.optionalText(7),
            title: row.optionalText(8),
            email: row.optionalText(9),
            phone: row.optionalText(10),
            atRisk: row.bool(11),
            contactConsented: row.bool(12),
            signatureStatus: try row.optionalText(13).map { try SignatureStatus(parsing: $0) },
            isLead: row.bool(17),
            organisationConsented: row.bool(14),
            statementTitle: row.optionalText(15),
            campaignName: row.optionalText(16),
            statementStatus: try row.optionalText(19).map { try StatementStatus(parsing: $0) }
        )
    }
}
