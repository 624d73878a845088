public import SignatoryDomain

extension Store {
    static let organisationColumns =
        "id, name, acronym, country, website, ecosoc, ecosoc_year, standing, notes, icso_number"

    /// Adds one organisation.
    public func insert(_ organisation: Organisation) throws {
        try organisation.validate()
        try self.write(EntityRef(.organisation, organisation.id.description), organisation.syncFields, mustBeNew: true)
    }

    /// Adds many organisations in one transaction: all of them or none.
    public func insert(organisations: [Organisation]) throws {
        try self.transaction {
            try self.findingDuplicatesOnce {
                for organisation in organisations { try self.insert(organisation) }
            }
        }
    }

    /// Saves the changed fields of an existing organisation.
    public func update(_ organisation: Organisation) throws {
        try organisation.validate()
        try self.transaction {
            try self.requireOrganisation(organisation.id)
            try self.write(EntityRef(.organisation, organisation.id.description), organisation.syncFields)
        }
    }

    public func organisation(_ id: ID<Organisation>) throws -> Organisation? {
        try self.database.prepare(built: "SELECT \(Store.organisationColumns) FROM organisation WHERE id = ?")
            .firstRow(id, read: Store.readOrganisation)
    }

    /// Every organisation, by name.
    public func organisations() throws -> [Organisation] {
        try self.database.prepare(
            built: "SELECT \(Store.organisationColumns) FROM organisation ORDER BY name COLLATE NOCASE, id"
        )
        .rows(read: Store.readOrganisation)
    }

    /// Every organisation merged into another that shows, as it was when merged, with the one
    /// that stands for it now: a sign-on form may still name a duplicate merged away.
    ///
    /// ```swift
    /// for (merged, keep) in try store.mergedOrganisations() { print(merged.name, "→", keep) }
    /// ```
    public func mergedOrganisations() throws -> [(merged: Organisation, into: ID<Organisation>)] {
        guard try self.hasMergedOrganisations() else { return [] }
        var resolver = MergeResolver(store: self)
        var result: [(merged: Organisation, into: ID<Organisation>)] = []
        for ref in try self.database.prepare(
            "SELECT entity_id FROM record_reference WHERE kind = 'organisation' AND field = 'mergedInto' ORDER BY entity_id"
        ).rows(read: { EntityRef(.organisation, $0.text(0)) }) {
            let fields = try resolver.fields(of: ref)
            let canonical = try resolver.canonical(ref.id)
            guard EntityKind.organisation.isPresent(fields), try resolver.isShowingOrganisation(canonical) else {
                continue
            }
            result.append((try Organisation(id: try Store.id(ref.id), syncFields: fields), try Store.id(canonical)))
        }
        return result
    }

    /// The organisation a user named by id, id prefix or acronym.
    public func organisation(matching reference: String) throws -> Organisation {
        let id = try self.resolveID(
            in: "organisation",
            kind: "organisation",
            reference: reference,
            acronymColumn: "acronym"
        )
        guard let organisation = try self.organisation(ID(id)!) else {
            throw StoreError.notFound("organisation", reference: reference)
        }
        return organisation
    }

    /// Removes an organisation. Its contacts and signatures, those of organisations merged into
    /// it included, go with it only when `cascade` is set; a lead organisation of a statement is
    /// never removed.
    public func removeOrganisation(_ id: ID<Organisation>, cascade: Bool) throws {
        try self.transaction {
            let leads = try self.database.integer("SELECT count(*) FROM statement WHERE lead_organisation_id = ?", id)
            if leads > 0 {
                throw StoreError.organisationLeads(statements: Int(leads))
            }
            try self.requireOrganisation(id)
            // The contacts and signatures of organisations merged into it show as its own.
            var contacts: [String] = []
            var signatures: [String] = []
            for member in try self.mergeClass(of: id.description) {
                contacts += try self.liveRecords(.contact, referring: "organisation", to: member)
                signatures += try self.liveRecords(.signature, referring: "organisation", to: member)
            }
            if (!contacts.isEmpty || !signatures.isEmpty) && !cascade {
                // Merged organisations' signatures on one statement show as one.
                let statements = try Set(
                    signatures.map { try self.settledFields(of: EntityRef(.signature, $0)).text("statement") }
                )
                throw StoreError.organisationHasRecords(contacts: contacts.count, signatures: statements.count)
            }
            for signature in signatures { try self.delete(EntityRef(.signature, signature)) }
            for contact in contacts { try self.delete(EntityRef(.contact, contact)) }
            try self.delete(EntityRef(.organisation, id.description))
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
            icsoNumber: try row.optional(9, ICSONumber.init),
            notes: row.text(8)
        )
    }
}
