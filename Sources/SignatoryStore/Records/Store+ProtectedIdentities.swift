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
