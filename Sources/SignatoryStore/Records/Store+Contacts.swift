public import SignatoryDomain

extension Store {
    static let contactColumns =
        "id, organisation_id, full_name, title, email, phone, language, at_risk, consent"

    /// Adds a contact person to an existing organisation.
    public func insert(_ contact: ContactPerson) throws {
        try self.save(contact, new: true)
    }

    public func update(_ contact: ContactPerson) throws {
        try self.save(contact, new: false)
    }

    private func save(_ contact: ContactPerson, new: Bool) throws {
        try contact.validate()
        try self.transaction {
            try self.requireOrganisation(contact.organisationID)
            if try !new && self.contact(contact.id) == nil {
                throw StoreError.notFound("contact", reference: contact.id.description)
            }
            try self.write(EntityRef(.contact, contact.id.description), contact.syncFields, mustBeNew: new)
        }
    }

    public func contact(_ id: ID<ContactPerson>) throws -> ContactPerson? {
        try self.database.prepare(built: "SELECT \(Store.contactColumns) FROM contact WHERE id = ?").firstRow(
            id,
            read: Store.readContact
        )
    }

    /// Contacts by name, all of them or one organisation's.
    public func contacts(of organisation: ID<Organisation>? = nil) throws -> [ContactPerson] {
        if let organisation {
            return try self.database.prepare(
                built:
                    "SELECT \(Store.contactColumns) FROM contact WHERE organisation_id = ? ORDER BY full_name COLLATE NOCASE, id"
            ).rows(organisation, read: Store.readContact)
        }
        return try self.database.prepare(
            built: "SELECT \(Store.contactColumns) FROM contact ORDER BY full_name COLLATE NOCASE, id"
        )
        .rows(read: Store.readContact)
    }

    public func contact(matching reference: String) throws -> ContactPerson {
        let id: String
        do {
            id = try self.resolveID(in: "contact", kind: "contact", reference: reference)
        } catch let error as StoreError where error.code == .notFound {
            // An erased person is gone, and the coordinator is told so rather than "no such contact".
            try self.refuseIfErased(reference: reference)
            throw error
        }
        guard let contact = try self.contact(ID(id)!) else {
            throw StoreError.notFound("contact", reference: reference)
        }
        return contact
    }

    /// Removes a contact; signatures they made keep their organisation but lose the contact.
    public func removeContact(_ id: ID<ContactPerson>) throws {
        guard try self.contact(id) != nil else {
            try self.refuseIfErased(reference: id.description)
            throw StoreError.notFound("contact", reference: id.description)
        }
        try self.delete(EntityRef(.contact, id.description))
    }

    func requireOrganisation(_ id: ID<Organisation>) throws {
        guard try self.database.integer("SELECT count(*) FROM organisation WHERE id = ?", id) == 1 else {
            throw StoreError.notFound("organisation", reference: id.description)
        }
    }

    static func readContact(_ row: Row) throws -> ContactPerson {
        ContactPerson(
            id: try row.id(0),
            organisationID: try row.id(1),
            fullName: row.text(2),
            title: row.optionalText(3),
            email: try row.optional(4, EmailAddress.init),
            phone: try row.optional(5, PhoneNumber.init),
            preferredLanguage: try row.optional(6, LanguageTag.init),
            atRisk: row.bool(7),
            consentToPublish: row.bool(8)
        )
    }
}
