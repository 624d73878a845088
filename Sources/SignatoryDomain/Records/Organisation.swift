/// A non-governmental organisation that leads or co-signs statements.
///
/// ```swift
/// var cap = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
/// cap.country = try CountryCode("FR")
/// cap.ecosoc = .special
/// try cap.validate()
/// ```
public struct Organisation: Hashable, Sendable, Identifiable {
    public let id: ID<Organisation>
    public var name: String
    public var acronym: String?
    public var country: CountryCode?
    public var website: Website?
    /// The ECOSOC consultative status category; `.none` when the organisation has none.
    public var ecosoc: ECOSOCCategory
    /// The year ECOSOC granted the status.
    public var ecosocYear: Int?
    /// Whether the status is in force.
    public var standing: ConsultativeStanding
    /// The organisation's profile in the UN iCSO database, when known.
    public var icsoNumber: ICSONumber?
    public var notes: String

    public init(
        id: ID<Organisation> = ID(),
        name: String,
        acronym: String? = nil,
        country: CountryCode? = nil,
        website: Website? = nil,
        ecosoc: ECOSOCCategory = .none,
        ecosocYear: Int? = nil,
        standing: ConsultativeStanding = .active,
        icsoNumber: ICSONumber? = nil,
        notes: String = ""
    ) {
        self.id = id
        self.name = name
        self.acronym = acronym
        self.country = country
        self.website = website
        self.ecosoc = ecosoc
        self.ecosocYear = ecosocYear
        self.standing = standing
        self.icsoNumber = icsoNumber
        self.notes = notes
    }

    /// Checks the rules that span fields. The store calls this before every write.
    public func validate() throws(DomainError) {
        guard self.name.nonBlank != nil else { throw .emptyField("organisation name") }
        try PlainText.check(self.name, field: "organisation name")
        if let acronym = self.acronym { try PlainText.check(acronym, field: "acronym") }
        try PlainText.check(self.notes, field: "notes", multiline: true)
        if let year = self.ecosocYear {
            guard self.ecosoc != .none else { throw .yearWithoutStatus }
            guard (1946...2200).contains(year) else { throw .invalidYear(year) }
        }
    }

    /// "CAP Liberté de Conscience (CAP)", or the name alone.
    public var displayName: String {
        guard let acronym = self.acronym else { return self.name }
        return "\(self.name) (\(acronym))"
    }
}
