/// Which organisations a list shows: `org list --search … --country … --ecosoc … --standing …`.
/// Every criterion given must hold; an empty query matches every organisation.
///
/// ```swift
/// let query = OrganisationQuery(search: "liberte", country: try CountryCode("FR"))
/// organisations.filter(query.matches)   // finds "CAP Liberté de Conscience"
/// ```
public struct OrganisationQuery: Hashable, Sendable {
    /// Found in the name or acronym (case, accents, punctuation and spacing ignored), the
    /// website's address, or the iCSO number.
    public var search: String?
    public var country: CountryCode?
    public var ecosoc: ECOSOCCategory?
    public var standing: ConsultativeStanding?

    public init(
        search: String? = nil,
        country: CountryCode? = nil,
        ecosoc: ECOSOCCategory? = nil,
        standing: ConsultativeStanding? = nil
    ) {
        self.search = search
        self.country = country
        self.ecosoc = ecosoc
        self.standing = standing
    }

    public func matches(_ organisation: Organisation) -> Bool {
        if let country = self.country, organisation.country != country { return false }
        if let ecosoc = self.ecosoc, organisation.ecosoc != ecosoc { return false }
        if let standing = self.standing, organisation.standing != standing { return false }
        guard let search = self.search?.comparisonKey, !search.isEmpty else { return true }
        let haystacks = [
            organisation.name.comparisonKey, organisation.acronym?.comparisonKey,
            organisation.website?.url.comparisonKey, organisation.icsoNumber?.digits,
        ]
        return haystacks.contains { $0?.contains(search) == true }
    }
}
