import SignatoryDomain
import SignatoryStore

/// Finds the contact of an organisation that a sign-on row names, by email or by name, reading
/// each organisation's contacts once per import: reading them all again for every row made a
/// form with 20,000 rows for one organisation take ten minutes.
///
/// The contact found is the one `Store.contacts(of:)` lists first among those that match.
struct ContactIndex {
    /// Where a contact stands in `Store.contacts(of:)`'s order (full name, ASCII letters in any
    /// case, then id).
    private struct Rank {
        let bytes: [UInt8]

        init(_ contact: ContactPerson) {
            // SQLite's NOCASE folds ASCII letters only and compares bytes; the id, in its
            // fixed-width text form, breaks ties.
            self.bytes =
                contact.fullName.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 } + [0]
                + Array(contact.id.description.utf8)
        }

        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
    }

    private struct Entry {
        let id: ID<ContactPerson>
        let rank: Rank
    }

    /// One organisation's contacts by lowercased email and by folded name. Several may share
    /// a key (an office's `info@` address): each keeps them all, so that one changing its email
    /// leaves the others found.
    private struct Contacts {
        var byEmail: [String: [Entry]] = [:]
        var byName: [String: [Entry]] = [:]
        var emails: [ID<ContactPerson>: String] = [:]

        mutating func add(_ contact: ContactPerson) {
            let entry = Entry(id: contact.id, rank: Rank(contact))
            if let old = self.emails.removeValue(forKey: contact.id) {
                self.byEmail[old]?.removeAll { $0.id == contact.id }
            }
            if let email = contact.email?.address.lowercased() {
                self.emails[contact.id] = email
                self.byEmail[email, default: []].append(entry)
            }
            // The import never renames a contact: a name once indexed stays.
            let name = SignOnField.fold(contact.fullName)
            if !(self.byName[name]?.contains { $0.id == contact.id } ?? false) {
                self.byName[name, default: []].append(entry)
            }
        }
    }

    private var organisations: [ID<Organisation>: Contacts] = [:]

    /// The contact of `organisation` with `email` (in any case) or a name that folds to
    /// `name`'s, whichever is listed first.
    mutating func match(
        email: EmailAddress?,
        name: String,
        of organisation: ID<Organisation>,
        in store: Store
    ) throws -> ID<ContactPerson>? {
        let contacts = try self.contacts(of: organisation, in: store)
        let byEmail = email.flatMap { contacts.byEmail[$0.address.lowercased()] } ?? []
        let candidates = byEmail + (contacts.byName[SignOnField.fold(name)] ?? [])
        return candidates.min { $0.rank < $1.rank }?.id
    }

    /// Records a contact a row added or changed.
    mutating func add(_ contact: ContactPerson) {
        // An organisation not read yet reads it when first asked.
        guard self.organisations[contact.organisationID] != nil else { return }
        self.organisations[contact.organisationID]!.add(contact)
    }

    private mutating func contacts(of organisation: ID<Organisation>, in store: Store) throws -> Contacts {
        if let known = self.organisations[organisation] { return known }
        var contacts = Contacts()
        for contact in try store.contacts(of: organisation) { contacts.add(contact) }
        self.organisations[organisation] = contacts
        return contacts
    }
}
