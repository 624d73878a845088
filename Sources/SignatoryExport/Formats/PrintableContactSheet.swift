import SignatoryDomain

/// What the printable sheets share: lines grouped under their organisation, then their statement.
struct PrintableGrouping {
    private var organisation: String?
    private var statement: String??

    enum Step {
        case organisation(ContactSheetLine)
        case statement(ContactSheetLine)
    }

    /// The headings to print before `line`.
    mutating func headings(before line: ContactSheetLine) -> [Step] {
        var steps: [Step] = []
        if self.organisation != line.organisationID {
            self.organisation = line.organisationID
            self.statement = .none
            steps.append(.organisation(line))
        }
        if self.statement != .some(line.statementTitle) {
            self.statement = .some(line.statementTitle)
            if line.role != nil { steps.append(.statement(line)) }
        }
        return steps
    }

    var isEmpty: Bool { self.organisation == nil }

    /// "FR · ECOSOC special"
    static func organisationFacts(_ line: ContactSheetLine) -> String {
        var facts: [String] = []
        if let country = line.country { facts.append(country) }
        if line.ecosoc != .none { facts.append("ECOSOC \(line.ecosoc.rawValue)") }
        return facts.joined(separator: " · ")
    }

    /// "signed: Stop Forced Organ Harvesting", "lead: …"
    static func signatureFact(_ line: ContactSheetLine) -> String {
        let status = line.role ?? ""
        guard let statement = line.statementTitle else { return status }
        return "\(status): \(statement)"
    }
}
