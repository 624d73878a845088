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
        var identities = ProtectedIdentities()
        try self.database.prepare("SELECT full_name, email, phone FROM contact WHERE at_risk = 1").forEachRow { row in
            identities.add(name: row.text(0), email: row.optionalText(1), phone: row.optionalText(2))
        }
        return identities
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
        guard contact.atRisk else { return [] }
        var before = ProtectedIdentities()
        var after = ProtectedIdentities()
        try self.database.prepare("SELECT id, full_name, email, phone FROM contact WHERE at_risk = 1").forEachRow {
            row in
            let (name, email, phone) = (row.text(1), row.optionalText(2), row.optionalText(3))
            before.add(name: name, email: email, phone: phone)
            if row.text(0) != contact.id.description { after.add(name: name, email: email, phone: phone) }
        }
        before.add(contact)
        if let replacement { after.add(replacement) }
        return try self.contacts().filter {
            $0.id != contact.id && !$0.atRisk && before.protects($0) && !after.protects($0)
        }
    }
}
