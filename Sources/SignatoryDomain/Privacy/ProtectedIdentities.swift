import Foundation

/// The names, email addresses and phone numbers of the contacts at risk. Another contact that
/// shares any of them is protected as if at risk: a person at risk entered a second time (at
/// another organisation, by a sign-on form, or with the box left unticked) must not be named,
/// mailed or called through the second entry. A namesake who is not at risk is left out of
/// shared sheets too, which is the safe way to be wrong.
///
/// Names match when every word of the protected name is in the other, ignoring case, accents,
/// width (full-width letters), punctuation and order: "Humenuc, Lucica" and "Dr. Lucica M.
/// Humenuc" are Lucica Humenuc. Phone numbers match on their last eight digits, so a trunk
/// "(0)" or a different prefix does not hide a number.
///
/// ```swift
/// var identities = ProtectedIdentities()
/// identities.add(humenuc)                                              // at risk
/// identities.protects(name: "HUMENUC, Lucica", email: nil, phone: nil)  // true
/// ```
public struct ProtectedIdentities: Sendable, Hashable {
    /// Each protected name as its set of words, reached through any of its words.
    private var namesByWord: [String: [Set<String>]] = [:]
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
        let words = Self.words(of: name)
        for word in words { self.namesByWord[word, default: []].append(words) }
        if let email { self.emails.insert(email.lowercased()) }
        if let phone, let key = Self.phoneKey(phone) { self.phones.insert(key) }
    }

    /// Whether a contact with these details is, or may be, a person at risk.
    public func protects(name: String?, email: String?, phone: String?) -> Bool {
        // Cheapest first, and nothing folded when nobody is at risk: a sheet checks every line.
        if let phone, !self.phones.isEmpty, let key = Self.phoneKey(phone), self.phones.contains(key) { return true }
        if let email, !self.emails.isEmpty, self.emails.contains(email.lowercased()) { return true }
        if let name, !self.namesByWord.isEmpty {
            let words = Self.words(of: name)
            for word in words {
                if self.namesByWord[word]?.contains(where: { $0.isSubset(of: words) }) == true { return true }
            }
        }
        return false
    }

    /// Whether `contact` is at risk, or shares a name, email address or phone number with a contact who is.
    public func protects(_ contact: ContactPerson) -> Bool {
        contact.atRisk
            || self.protects(name: contact.fullName, email: contact.email?.address, phone: contact.phone?.e164)
    }

    /// The name's words, folded: "Ｌｕｃｉｃａ Humenuc-Pop" is ["lucica", "humenuc", "pop"].
    static func words(of name: String) -> Set<String> {
        let folded: String
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = name.lowercased()
        } else {
            folded = name.precomposedStringWithCompatibilityMapping.folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                locale: nil
            )
        }
        return Set(
            folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        )
    }

    /// The last eight digits, which a country code, a trunk "(0)" or spacing do not change.
    static func phoneKey(_ phone: String) -> String? {
        let digits = phone.filter(\.isNumber)
        return digits.isEmpty ? nil : String(digits.suffix(8))
    }
}
