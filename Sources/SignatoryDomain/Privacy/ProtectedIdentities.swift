/// The names, email addresses and phone numbers of the contacts at risk. Another contact that
/// shares any of them is protected as if at risk: a person at risk entered a second time (at
/// another organisation, by a sign-on form, or with the box left unticked) must not be named,
/// mailed or called through the second entry. A namesake who is not at risk is left out of
/// shared sheets too, which is the safe way to be wrong.
///
/// ```swift
/// var identities = ProtectedIdentities()
/// identities.add(humenuc)                                    // at risk
/// identities.protects(name: "Lucica HUMENUC", email: nil, phone: nil)   // true
/// ```
public struct ProtectedIdentities: Sendable, Hashable {
    private var names: Set<String> = []
    private var emails: Set<String> = []
    private var phones: Set<String> = []

    public init() {}

    /// Adds a contact's name, email address and phone number, if the contact is at risk.
    public mutating func add(_ contact: ContactPerson) {
        guard contact.atRisk else { return }
        self.add(name: contact.fullName, email: contact.email?.address, phone: contact.phone?.e164)
    }

    /// Adds the identity of a contact at risk, as the store holds it.
    public mutating func add(name: String, email: String?, phone: String?) {
        let key = name.comparisonKey
        if !key.isEmpty { self.names.insert(key) }
        if let email { self.emails.insert(email.lowercased()) }
        if let phone { self.phones.insert(Self.digits(phone)) }
    }

    /// Whether a contact with these details is, or may be, a person at risk.
    public func protects(name: String?, email: String?, phone: String?) -> Bool {
        // Cheapest first, and nothing folded when nobody is at risk: a sheet checks every line.
        if let phone, !self.phones.isEmpty, self.phones.contains(Self.digits(phone)) { return true }
        if let email, !self.emails.isEmpty, self.emails.contains(email.lowercased()) { return true }
        if let name, !self.names.isEmpty, self.names.contains(name.comparisonKey) { return true }
        return false
    }

    /// Whether `contact` is at risk, or shares a name, email address or phone number with a contact who is.
    public func protects(_ contact: ContactPerson) -> Bool {
        contact.atRisk
            || self.protects(name: contact.fullName, email: contact.email?.address, phone: contact.phone?.e164)
    }

    private static func digits(_ phone: String) -> String { String(phone.filter(\.isNumber)) }
}
