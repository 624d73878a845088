import SignatoryDomain

/// Which column of a sign-on file holds which field, found from its header line.
struct SignOnColumns {
    private(set) var positions: [SignOnField: Int] = [:]
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
        for (position, key) in folded.enumerated() {
            let field = mapped[key] ?? SignOnField.named(byFolded: key)
            if let field, self.positions[field] == nil {
                self.positions[field] = position
                self.mapping.append(.init(header: header[position], field: field))
            } else {
                self.ignored.append(header[position])
                self.mapping.append(.init(header: header[position], field: nil))
            }
        }
        guard self.positions[.organisation] != nil else {
            throw .missingColumn(SignOnField.organisation.rawValue, found: header)
        }
    }

    /// The trimmed, non-empty value of `field` in a record.
    func value(_ field: SignOnField, in fields: [String]) -> String? {
        guard let position = self.positions[field], position < fields.count else { return nil }
        return fields[position].nonBlank
    }
}

extension SignOnColumns {
    /// Whether the file has a column for `field`.
    func has(_ field: SignOnField) -> Bool { self.positions[field] != nil }
}
