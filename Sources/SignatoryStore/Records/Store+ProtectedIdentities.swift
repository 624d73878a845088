public import SignatoryDomain

extension Store {
    /// The names, email addresses and phone numbers of every contact at risk held here: what
    /// every reader that names or shows a contact outside the office checks first.
    ///
    /// ```swift
    /// let identities = try store.protectedIdentities()
    /// let nameable = contact.isPublishable && !identities.protects(contact)
    /// ```
    public func protectedIdentities() throws -> ProtectedIdentities {
        try self.protectedIdentities(leaving: []).all
    }

    /// Every person at risk, and the same without the contacts whose ids are in `leaving`, in
    /// one read.
    private func protectedIdentities(
        leaving: Set<String>
    ) throws -> (all: ProtectedIdentities, staying: ProtectedIdentities) {
        var all = ProtectedIdentities()
        var staying = ProtectedIdentities()
        func add(_ contact: String, name: String?, email: String?, phone: String?) {
            all.add(name: name, email: email, phone: phone)
            if !leaving.isEmpty && !leaving.contains(contact) { staying.add(name: name, email: email, phone: phone) }
        }
        try self.database.prepare("SELECT id, full_name, email, phone FROM contact WHERE at_risk = 1").forEachRow {
            row in
            add(row.text(0), name: row.text(1), email: row.optionalText(2), phone: row.optionalText(3))
        }
        // What a person at risk was called, and could be reached at, before: a name, address or
        // number given up for a safer one still leads to them.
        for change in try self.changesOfContactsAtRiskChangedSince() {
            let identity = Self.identity(in: change)
            add(change.entityID, name: identity.name, email: identity.email, phone: identity.phone)
        }
        return (all, leaving.isEmpty ? all : staying)
    }

    /// The name, email address and phone number a contact's change wrote, those it wrote.
    private static func identity(in change: Change) -> (name: String?, email: String?, phone: String?) {
        (change.fields["fullName"]?.value.text, change.fields["email"]?.value.text, change.fields["phone"]?.value.text)
    }

    /// The changes of the contacts at risk that were changed after they were created (only
    /// those can have held other values).
    private func changesOfContactsAtRiskChangedSince() throws -> [Change] {
        try self.contactChanges(
            where: """
                k.contact IN (
                    SELECT contact FROM contact_change WHERE contact IN (SELECT id FROM contact WHERE at_risk = 1)
                    GROUP BY contact HAVING count(*) > 1
                )
                """
        )
    }
}

extension Store {
    /// The other contacts that shared sheets leave out only because they read like `contact`, a
    /// person at risk, and would name once `contact` became `replacement` (`nil`: removed or erased).
    ///
    /// ```swift
    /// var edited = contact
    /// edited.atRisk = false
    /// let named = try store.lookalikes(exposedBy: contact, becoming: edited)
    /// ```
    public func lookalikes(
        exposedBy contact: ContactPerson,
        becoming replacement: ContactPerson?
    ) throws
        -> [ContactPerson]
    {
        try self.lookalikes(exposedByReplacing: [contact], with: replacement.map { [$0] } ?? [])
    }

    /// The same for several contacts as held, such as those of an organisation being removed.
    public func lookalikes(
        exposedByReplacing contacts: [ContactPerson],
        with replacements: [ContactPerson]
    ) throws
        -> [ContactPerson]
    {
        guard contacts.contains(where: \.atRisk) else { return [] }
        let leaving = Set(contacts.map(\.id.description))
        let (before, staying) = try self.protectedIdentities(leaving: leaving)
        var after = staying
        for replacement in replacements where replacement.atRisk {
            after.add(replacement)
            // Still at risk, the person keeps what they were called and reached at before.
            for held in contacts where held.id == replacement.id {
                after.add(name: held.fullName, email: held.email?.address, phone: held.phone?.e164)
            }
            for change in try self.changes(of: EntityRef(.contact, replacement.id.description)) {
                let identity = Self.identity(in: change)
                after.add(name: identity.name, email: identity.email, phone: identity.phone)
            }
        }
        return try self.contacts(protectedBy: before, notBy: after).filter { !leaving.contains($0.id.description) }
    }

    /// The contacts not at risk that `before` leaves out of shared sheets and `after` does not.
    private func contacts(
        protectedBy before: ProtectedIdentities,
        notBy after: ProtectedIdentities
    ) throws
        -> [ContactPerson]
    {
        try self.contacts().filter { !$0.atRisk && before.protects($0) && !after.protects($0) }
    }
}

extension Store {
    /// The contacts that shared sheets left out for reading like a person at risk in `before`
    /// (read earlier with ``protectedIdentities()``) and name now: changes received since erased
    /// that person, removed them, or took their at-risk mark away.
    ///
    /// ```swift
    /// let before = try store.protectedIdentities()
    /// _ = try BundleImporter(store: store).importBundle(at: path)
    /// let named = try store.lookalikes(exposedSince: before)
    /// ```
    public func lookalikes(exposedSince before: ProtectedIdentities) throws -> [ContactPerson] {
        let now = try self.protectedIdentities()
        guard now != before else { return [] }
        return try self.contacts(protectedBy: before, notBy: now)
    }
}
