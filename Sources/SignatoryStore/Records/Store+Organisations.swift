import SignatoryDomain

extension Store {
    private static let organisationColumns =
        "id, name, acronym, country, website, ecosoc, ecosoc_year, standing, notes"

    /// Adds one organisation.
    public func insert(_ organisation: Organisation) throws {
        try organisation.validate()
        try self.database.prepare(
            "INSERT INTO organisation (\(Store.organisationColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ).run(
            organisation.id, organisation.name, organisation.acronym, organisation.country, organisation.website,
            organisation.ecosoc, organisation.ecosocYear, organisation.standing, organisation.notes
        )
    }

    /// Adds many organisations in one transaction: all of them or none.
    public func insert(organisations: [Organisation]) throws {
        try self.transaction {
            for organisation in organisations { try self.insert(organisation) }
        }
    }

    /// Replaces the stored fields of an existing organisation.
    public func update(_ organisation: Organisation) throws {
        try organisation.validate()
        try self.database.prepare("""
            UPDATE organisation SET name = ?, acronym = ?, country = ?, website = ?, ecosoc = ?,
                ecosoc_year = ?, standing = ?, notes = ? WHERE id = ?
            """).run(
            organisation.name, organisation.acronym, organisation.country, organisation.website, organisation.ecosoc,
            organisation.ecosocYear, organisation.standing, organisation.notes, organisation.id
        )
        guard self.database.changes == 1 else { throw StoreError.notFound("organisation", reference: organisation.id.description) }
    }

    public func organisation(_ id: ID<Organisation>) throws -> Organisation? {
        try self.database.prepare("SELECT \(Store.organisationColumns) FROM organisation WHERE id = ?")
            .firstRow(id, read: Store.readOrganisation)
    }

    /// Every organisation, by name.
    public func organisations() throws -> [Organisation] {
        try self.database.prepare("SELECT \(Store.organisationColumns) FROM organisation ORDER BY name COLLATE NOCASE, id")
            .rows(read: Store.readOrganisation)
    }

    /// The organisation a user named by id, id prefix or acronym.
    public func organisation(matching reference: String) throws -> Organisation {
        let id = try self.resolveID(in: "organisation", kind: "organisation", reference: reference, acronymColumn: "acronym")
        guard let organisation = try self.organisation(ID(id)!) else { throw StoreError.notFound("organisation", reference: reference) }
        return organisation
    }

    /// Removes an organisation. Its contacts and signatures go with it only when `cascade` is
    /// set; a lead organisation of a statement is never removed.
    public func removeOrganisation(_ id: ID<Organisation>, cascade: Bool) throws {
        try self.transaction {
            let leads = try self.database.integer("SELECT count(*) FROM statement WHERE lead_organisation_id = ?", id)
            if leads > 0 {
                throw StoreError.inUse("this organisation", detail: "leads \(leads) statement(s); name another lead with `signatory statement edit ID --lead ORG` first")
            }
            let contacts = try self.database.integer("SELECT count(*) FROM contact WHERE organisation_id = ?", id)
            let signatures = try self.database.integer("SELECT count(*) FROM signature WHERE organisation_id = ?", id)
            if (contacts > 0 || signatures > 0) && !cascade {
                throw StoreError.inUse("this organisation", detail: "has \(contacts) contact(s) and \(signatures) signature(s); add --force to remove them too")
            }
            try self.database.prepare("DELETE FROM organisation WHERE id = ?").run(id)
            guard self.database.changes == 1 else { throw StoreError.notFound("organisation", reference: id.description) }
        }
    }

    static func readOrganisation(_ row: Row) throws -> Organisation {
        Organisation(
            id: try row.id(0),
            name: row.text(1),
            acronym: row.optionalText(2),
            country: try row.optional(3, CountryCode.init),
            website: try row.optional(4, Website.init),
            ecosoc: try row.choice(5),
            ecosocYear: row.optionalInt(6),
            standing: try row.choice(7),
            notes: row.text(8)
        )
    }
}
