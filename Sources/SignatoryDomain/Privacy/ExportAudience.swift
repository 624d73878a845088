/// Who an export is for, and so what it may show.
///
/// ```swift
/// let audience = try ExportAudience(parsing: "coalition")
/// audience.omission(contactAtRisk: true, contactConsented: true, organisationConsented: true)  // .atRisk
/// ```
public enum ExportAudience: String, Choice {
    /// Staff of the coordinating office: every contact, with every detail.
    case `internal`
    /// Partner organisations of the coalition: everyone except contacts at risk.
    case coalition
    /// Anybody: organisations that consented to publication, with only the names and titles
    /// of contacts who consented and are not at risk; never an email address or phone number.
    case `public`

    public static let fieldName = "audience"

    /// Why a contact is left out of an export for this audience, or `nil` when it may appear.
    ///
    /// Being at risk outranks every other reason: such a contact appears only internally.
    public func omission(contactAtRisk: Bool, contactConsented: Bool, organisationConsented: Bool) -> ContactOmission? {
        switch self {
        case .internal:
            return nil
        case .coalition:
            return contactAtRisk ? .atRisk : nil
        case .public:
            if contactAtRisk { return .atRisk }
            if !organisationConsented { return .organisationNotConsenting }
            return contactConsented ? nil : .contactNotConsenting
        }
    }

    /// Whether this audience sees no more than `other`: public < coalition < internal.
    public func isNoWiderThan(_ other: ExportAudience) -> Bool {
        let order: [ExportAudience] = [.public, .coalition, .internal]
        return order.firstIndex(of: self)! <= order.firstIndex(of: other)!
    }

    /// Whether the audience may see a contact's email address and phone number.
    public var seesContactDetails: Bool { self != .public }

    /// Whether the audience sees organisations that have not consented to publication.
    public var seesUnpublishedOrganisations: Bool { self != .public }
}

/// Why an export left a contact out.
public enum ContactOmission: String, Sendable, Hashable, CaseIterable, Comparable {
    case atRisk = "at risk"
    case organisationNotConsenting = "organisation has not consented to publication"
    case contactNotConsenting = "contact has not consented to publication"

    public static func < (lhs: ContactOmission, rhs: ContactOmission) -> Bool {
        ContactOmission.allCases.firstIndex(of: lhs)! < ContactOmission.allCases.firstIndex(of: rhs)!
    }
}
