import Foundation
import SignatoryDomain

/// A contact sheet as CSV: the sheet's own columns, or those Google Contacts or Outlook import.
struct CSVContactSheet: ContactSheetWriter {
    enum Columns {
        /// One row per contact and signature, for press work and follow-up.
        case sheet
        /// Google Contacts' import headers; one row per person.
        case google
        /// Outlook's import headers; one row per person.
        case outlook

        var header: [String] {
            switch self {
            case .sheet:
                return [
                    "Organisation", "Acronym", "Country", "ECOSOC category", "Contact name", "Title", "Email", "Phone",
                    "Signature status", "Statement", "Campaign", "At risk",
                ]
            case .google:
                return [
                    "Name", "Given Name", "Family Name", "Organization 1 - Name", "Organization 1 - Title",
                    "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Group Membership",
                    "Notes",
                ]
            case .outlook:
                return [
                    "First Name", "Last Name", "Company", "Job Title", "E-mail Address", "Business Phone",
                    "Business Country/Region", "Categories", "Notes",
                ]
            }
        }
    }

    let columns: Columns
    /// Address books get each person once, however many statements they appear under. Lines
    /// come grouped by organisation, so remembering the current one's people is enough.
    private var written: Set<String> = []
    private var organisation = ""
    private var countryNames: [String: String] = [:]

    init(columns: Columns) {
        self.columns = columns
    }

    mutating func start(_ sink: inout ByteSink) {
        CSVText.row(self.columns.header, to: &sink)
    }

    mutating func write(_ line: ContactSheetLine, to sink: inout ByteSink) {
        let ecosoc = line.ecosoc == .none ? nil : line.ecosoc.rawValue
        if line.organisationID != self.organisation {
            self.organisation = line.organisationID
            self.written.removeAll(keepingCapacity: true)
        }
        switch self.columns {
        case .sheet:
            CSVText.row(
                [
                    line.organisationName, line.acronym, line.country, ecosoc, line.fullName, line.title, line.email,
                    line.phone, line.role, line.statementTitle, line.campaignName, line.atRisk ? "yes" : nil,
                ],
                to: &sink
            )
        case .google:
            guard self.written.insert(line.contactID ?? line.organisationID).inserted else { return }
            let (given, family) = line.nameParts
            let groups = ["* myContacts"] + (line.campaignName.map { [$0] } ?? [])
            CSVText.row(
                [
                    line.fullName, given, family, line.organisationDisplayName, line.title,
                    line.email == nil ? nil : "Work", line.email, line.phone == nil ? nil : "Work", line.phone,
                    groups.joined(separator: " ::: "), Self.notes(line),
                ],
                phoneColumns: [8],
                to: &sink
            )
        case .outlook:
            guard self.written.insert(line.contactID ?? line.organisationID).inserted else { return }
            let (given, family) = line.nameParts
            let country = line.country.map { self.countryName($0) }
            CSVText.row(
                [
                    given, family, line.organisationDisplayName, line.title, line.email, line.phone, country,
                    line.campaignName, Self.notes(line),
                ],
                phoneColumns: [5],
                to: &sink
            )
        }
    }

    mutating func finish(_ sink: inout ByteSink) {}

    /// Outlook wants a country's name ("France"), not its code; looked up once per country.
    private mutating func countryName(_ code: String) -> String {
        if let name = self.countryNames[code] { return name }
        let name = Locale(identifier: "en").localizedString(forRegionCode: code) ?? code
        self.countryNames[code] = name
        return name
    }

    /// "AT RISK: do not share · FR · ECOSOC special · signed"
    private static func notes(_ line: ContactSheetLine) -> String {
        var parts: [String] = line.atRisk ? [ContactSheetLine.atRiskWarning] : []
        if let country = line.country { parts.append(country) }
        if line.ecosoc != .none { parts.append("ECOSOC \(line.ecosoc.rawValue)") }
        if let role = line.role { parts.append(role) }
        return parts.joined(separator: " · ")
    }
}
