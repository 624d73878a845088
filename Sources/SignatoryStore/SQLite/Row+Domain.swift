package import SignatoryDomain

/// Reading the domain's values back. A value that does not parse means the file was edited
/// outside Signatory; the error names the column's content.
extension Row {
    package func id<Subject>(_ column: Int32) throws -> ID<Subject> {
        let text = self.text(column)
        guard let id = ID<Subject>(text) else {
            throw StoreError.notADatabase(path: "database", detail: "'\(text)' is not an id")
        }
        return id
    }

    package func optionalID<Subject>(_ column: Int32) throws -> ID<Subject>? {
        self.isNull(column) ? nil : try self.id(column)
    }

    package func choice<C: Choice>(_ column: Int32, as type: C.Type = C.self) throws -> C {
        let text = self.text(column)
        // The store writes raw values, so the exact match almost always succeeds.
        if let value = C(rawValue: text) { return value }
        return try C(parsing: text)
    }

    /// Parses an optional text column with one of the domain's validating initialisers.
    package func optional<T>(_ column: Int32, _ parse: (String) throws(DomainError) -> T) throws -> T? {
        guard let text = self.optionalText(column) else { return nil }
        return try parse(text)
    }

    package func optionalInt(_ column: Int32) -> Int? {
        self.optionalInteger(column).map(Int.init)
    }
}
