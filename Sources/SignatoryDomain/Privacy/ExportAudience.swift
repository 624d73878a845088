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

    /// Whether the audience sees conflicts, whose values can be any field of any contact.
    public var seesConflicts: Bool { self == .internal }

    /// Whether the audience learns that a contact was erased, and when. Others are told that no
    /// such contact exists, as they are of a contact at risk: an erased person may have been one.
    public var seesErasures: Bool { self == .internal }
}

/// What each audience sees of a record: every reader of the coalition's data (contact sheets,
/// the hub's read API) goes through these, so the rules live here alone.
///
/// ```swift
/// let shown = ExportAudience.coalition.view(of: contact)   // nil for a contact at risk
/// ```
extension ExportAudience {
    /// The organisation as the audience sees it: internal notes are for internal readers only.
    public func view(of organisation: Organisation) -> Organisation {
        guard self != .internal else { return organisation }
        var shown = organisation
        shown.notes = ""
        return shown
    }

    /// Whether the audience sees an organisation at all: the public sees only those that signed
    /// something with consent to publication.
    public func sees(_ organisation: Organisation, consentedToPublication: Bool) -> Bool {
        self.seesUnpublishedOrganisations || consentedToPublication
    }

    /// Whether the audience sees a statement at all: a draft is the coalition's work in progress.
    public func sees(_ statement: JointStatement) -> Bool {
        self.sees(statementIn: statement.status)
    }

    /// Whether the audience sees a statement in `status` at all.
    public func sees(statementIn status: StatementStatus) -> Bool {
        self != .public || status != .draft
    }

    /// Whether the audience learns which organisation leads a statement in `status`: the public
    /// once it is published, or when the lead signed something with consent to publication.
    public func seesLead(ofStatementIn status: StatementStatus, leadConsented: Bool) -> Bool {
        self != .public || status == .published || leadConsented
    }

    /// The statement as the audience sees it, its lead left out where ``seesLead(ofStatementIn:leadConsented:)``
    /// says so.
    public func view(of statement: JointStatement, leadConsented: Bool) -> JointStatement {
        guard !self.seesLead(ofStatementIn: statement.status, leadConsented: leadConsented) else { return statement }
        var shown = statement
        shown.leadOrganisationID = nil
        return shown
    }

    /// Whether a record may be looked up by an id prefix: a prefix could match a contact the
    /// audience may not see and name its id in the answer, so others give whole ids.
    public var looksUpByPrefix: Bool { self == .internal }

    /// The contact as the audience sees it, or `nil` when it may not see the person at all.
    public func view(of contact: ContactPerson, organisationConsented: Bool) -> ContactPerson? {
        guard
            self.omission(
                contactAtRisk: contact.atRisk,
                contactConsented: contact.consentToPublish,
                organisationConsented: organisationConsented
            ) == nil
        else { return nil }
        guard !self.seesContactDetails else { return contact }
        var shown = contact
        shown.email = nil
        shown.phone = nil
        shown.preferredLanguage = nil
        return shown
    }

    /// The signature as the audience sees it, or `nil`: which person signed is for internal
    /// readers only (the contact may be at risk), and the public sees consented signatures alone.
    public func view(of signature: Signature) -> Signature? {
        guard self.seesUnpublishedOrganisations || (signature.status == .signed && signature.consentToPublish) else {
            return nil
        }
        guard self != .internal else { return signature }
        var shown = signature
        shown.contactID = nil
        return shown
    }
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
