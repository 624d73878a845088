import SignatoryDomain

/// Which column of a sign-on file holds which field, found from its header line.
struct SignOnColumns {
    private(set) var positions: [SignOnField: Int] = [:]
    /// Every column read as `at-risk`: a contact any of them marks is at risk.
    private(set) var riskPositions: [Int] = []
    /// Headers that name no field; their columns are not read.
    private(set) var ignored: [String] = []
    /// Every header with the field it is read as, in the file's order.
    private(set) var mapping: [SignerImportReport.Column] = []

    /// - Parameter map: headers the user named a field for (`--map 'Nom de l’ONG=organisation'`).
    init(header: [String], map: [String: SignOnField]) throws(SignerImportError) {
        let mapped = Dictionary(map.map { (SignOnField.fold($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
        let folded = header.map(SignOnField.fold)
        for key in mapped.keys where !folded.contains(key) {
            throw .unknownMapHeader(map.first { SignOnField.fold($0.key) == key }!.key)
        }
        // A field the user mapped is read from the column named for it alone: another column
        // whose header merely sounds like it ("Consent to be contacted") does not compete.
        var fields = folded.map { mapped[$0] }
        for field in Set(fields.compactMap { $0 }) {
            let named = header.indices.filter { fields[$0] == field }
            if named.count > 1 {
                throw .ambiguousColumns(field.rawValue, headers: named.map { header[$0] }, mapped: true)
            }
        }
        var claimed = Set(fields.compactMap { $0 })
        for (position, key) in folded.enumerated() where fields[position] == nil {
            guard let field = SignOnField.named(byFolded: key) else { continue }
            // Every column about risk is read: whichever says so marks the contact at risk.
            if field == .atRisk || claimed.insert(field).inserted {
                fields[position] = field
            } else if field == .consent && !mapped.values.contains(.consent) {
                // Two answers about consent may differ (yes in one, no in the other): neither is guessed.
                let named = header.indices.filter { fields[$0] == .consent || $0 == position }
                throw .ambiguousColumns(field.rawValue, headers: named.map { header[$0] }, mapped: false)
            }
        }
        // "Are you safe?" asks the other way round from "At risk?": its "no" would mean at risk.
        for (position, field) in fields.enumerated() where field == .atRisk && mapped[folded[position]] == nil {
            if ConsentHeader.asksRiskUnclearly(header[position]) { throw .riskAskedUnclearly(header: header[position]) }
        }
        // A "yes" under "Do not publish my name" means no: such a column is never read as consent,
        // nor left aside while `--consent` or another column answers for the rows.
        // Nor is one guessed as another field by a word ("Include our name?" is no contact's name);
        // a field's own header may still say where the name appears ("Organisation name (as it
        // should appear in the statement)").
        for (position, field) in fields.enumerated() where field != .consent && mapped[folded[position]] == nil {
            let text = header[position]
            if ConsentHeader.mayAskToStayUnnamed(text) { throw .consentAskedTheOtherWay(header: text) }
            guard let field else {
                if ConsentHeader.mayAskToBeNamed(text) { throw .unreadNamingQuestion(header: text) }
                continue
            }
            if text.contains("?") && ConsentHeader.mayAskToBeNamed(text)
                || !field.headers.contains(folded[position]) && ConsentHeader.asksToShow(text)
            {
                throw .namingQuestionReadAsField(header: text, field: field.rawValue)
            }
        }
        for (position, field) in fields.enumerated() where field == .consent {
            let text = header[position]
            if ConsentHeader.asksAgainst(text) { throw .consentAskedTheOtherWay(header: text) }
            if field == .consent, mapped[folded[position]] == nil, !ConsentHeader.isPlainQuestion(text) {
                throw .consentHeaderUnclear(header: text)
            }
        }
        for (position, field) in fields.enumerated() {
            if let field { self.positions[field] = position } else { self.ignored.append(header[position]) }
            if field == .atRisk { self.riskPositions.append(position) }
            self.mapping.append(.init(header: header[position], field: field))
        }
        guard self.positions[.organisation] != nil else {
            throw .missingColumn(SignOnField.organisation.rawValue, found: header)
        }
    }

    /// The trimmed, non-empty answers of the columns about risk in a record.
    func riskAnswers(in fields: [String]) -> [String] {
        self.riskPositions.compactMap { $0 < fields.count ? fields[$0].nonBlank : nil }
    }

    /// The trimmed, non-empty value of `field` in a record.
    func value(_ field: SignOnField, in fields: [String]) -> String? {
        guard let position = self.positions[field], position < fields.count else { return nil }
        return fields[position].nonBlank
    }
}

extension SignOnColumns {
    /// How many columns the header line names.
    var count: Int { self.mapping.count }

    /// Whether the file has a column for `field`.
    func has(_ field: SignOnField) -> Bool { self.positions[field] != nil }
}
