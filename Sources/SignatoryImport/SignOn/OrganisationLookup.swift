public import SignatoryDomain
public import SignatoryStore

/// The sign-on import's matching, for one organisation typed into a form: which organisation
/// held here it stands for, and by which rule.
///
/// ```swift
/// let lookup = try OrganisationLookup(store: store)
/// if let (id, rule) = lookup.match(name: "CAP LC", acronym: "CAP", email: try EmailAddress("t@cap-lc.org")) {
///     print("already held, matched by \(rule)")
/// }
/// ```
public struct OrganisationLookup {
    private let index: OrganisationIndex

    public init(store: Store) throws {
        self.index = try OrganisationIndex(store: store)
    }

    /// The one organisation these values match (by iCSO number, name and country, acronym, or
    /// email domain), and the rule's name; `nil` when none or several do.
    public func match(
        name: String,
        acronym: String? = nil,
        country: CountryCode? = nil,
        icsoNumber: ICSONumber? = nil,
        email: EmailAddress? = nil
    ) -> (ID<Organisation>, rule: String)? {
        let row = SignOnRow(
            organisationName: name,
            acronym: acronym,
            country: country,
            icsoNumber: icsoNumber,
            email: email
        )
        return self.index.match(row).map { ($0.id, $0.match.rawValue) }
    }
}
