public import SignatoryDomain
import SignatoryStore

/// One line of a contact sheet after the audience's rules: a contact, or an organisation alone
/// when none of its contacts may be shown.
public struct ContactSheetLine: Sendable, Hashable {
    public var organisationID: String
    public var organisationName: String
    public var acronym: String?
    public var country: String?
    public var ecosoc: ECOSOCCategory
    public var contactID: String?
    public var fullName: String?
    public var title: String?
    /// Empty for the public audience.
    public var email: String?
    /// Empty for the public audience.
    public var phone: String?
    public var signatureStatus: SignatureStatus?
    /// Whether the organisation leads the statement (its line has no signature of its own then).
    public var isLead: Bool
    /// Whether the contact is at risk: only ever true on an internal sheet, which alone shows them.
    public var atRisk = false
    public var statementTitle: String?
    public var campaignName: String?

    init(_ listing: ContactListing, showingContact: Bool, details: Bool) {
        self.organisationID = listing.organisationID
        self.organisationName = listing.organisationName
        self.acronym = listing.acronym
        self.country = listing.country
        self.ecosoc = listing.ecosoc
        self.signatureStatus = listing.signatureStatus
        self.isLead = listing.isLead
        self.statementTitle = listing.statementTitle
        self.campaignName = listing.campaignName
        guard showingContact else { return }
        self.contactID = listing.contactID
        self.fullName = listing.fullName
        self.title = listing.title
        self.atRisk = listing.atRisk
        if details {
            self.email = listing.email
            self.phone = listing.phone
        }
    }

    /// How every format marks a contact at risk on an internal sheet.
    public static let atRiskWarning = "AT RISK: do not share"

    /// "lead", "signed", "lead, signed": the organisation's part in the statement.
    public var role: String? {
        let status = self.signatureStatus?.rawValue
        guard self.isLead else { return status }
        return status.map { "lead, " + $0 } ?? "lead"
    }

    /// "CAP Liberté de Conscience (CAP)", or the name alone.
    public var organisationDisplayName: String {
        guard let acronym = self.acronym else { return self.organisationName }
        return "\(self.organisationName) (\(acronym))"
    }

    /// The given and family names, split at the last space: "Thierry" and "Valle".
    ///
    /// Address books want the two apart; a name given as one word is a family name.
    public var nameParts: (given: String, family: String) {
        guard let name = self.fullName?.trimmedSpaces, !name.isEmpty else { return ("", "") }
        let bytes = name.utf8
        guard let space = bytes.lastIndex(of: UInt8(ascii: " ")) else { return ("", name) }
        return (String(name[..<space]).trimmedSpaces, String(name[bytes.index(after: space)...]))
    }
}

extension ContactSheetLine {
    /// The line as the hub's API serves it; the keys are those of the `csv` format.
    public var json: JSONRecord {
        JSONRecord([
            "organisationId": self.organisationID, "organisation": self.organisationName, "acronym": self.acronym,
            "country": self.country, "ecosoc": self.ecosoc.rawValue, "contactId": self.contactID,
            "fullName": self.fullName,
            "title": self.title, "email": self.email, "phone": self.phone,
            "signatureStatus": self.signatureStatus?.rawValue, "lead": self.isLead, "atRisk": self.atRisk,
            "statement": self.statementTitle, "campaign": self.campaignName,
        ])
    }
}
