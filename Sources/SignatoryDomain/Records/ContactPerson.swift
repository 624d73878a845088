/// The person an organisation names as its contact for a statement.
///
/// A contact marked `atRisk` (for example a human-rights defender) must never appear in a
/// shared or public export, whatever else is set.
public struct ContactPerson: Hashable, Sendable, Identifiable {
    public let id: ID<ContactPerson>
    public var organisationID: SignatoryDomain.ID<Organisation>
    public var fullName: String
    /// The title or role, e.g. "Executive Director".
    public var title: String?
    public var email: EmailAddress?
    public var phone: PhoneNumber?
    public var preferredLanguage: LanguageTag?
    public var atRisk: Bool
    /// Whether the person agreed to have their name published with the statement.
    public var consentToPublish: Bool

    public init(
        id: ID<ContactPerson> = ID(),
        organisationID: ID<Organisation>,
        fullName: String,
        title: String? = nil,
        email: EmailAddress? = nil,
        phone: PhoneNumber? = nil,
        preferredLanguage: LanguageTag? = nil,
        atRisk: Bool = false,
        consentToPublish: Bool = false
    ) {
        self.id = id
        self.organisationID = organisationID
        self.fullName = fullName
        self.title = title
        self.email = email
        self.phone = phone
        self.preferredLanguage = preferredLanguage
        self.atRisk = atRisk
        self.consentToPublish = consentToPublish
    }

    public func validate() throws(DomainError) {
        guard self.fullName.nonBlank != nil else { throw .emptyField("contact name") }
        try PlainText.check(self.fullName, field: "contact name")
        if let title = self.title { try PlainText.check(title, field: "contact title") }
    }

    /// Whether the name may be printed in a published signatory block.
    public var isPublishable: Bool { self.consentToPublish && !self.atRisk }
}
