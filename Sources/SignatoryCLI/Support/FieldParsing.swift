import SignatoryDomain

/// Turning option values into domain values. An empty value clears an optional field.
enum FieldParsing {
    /// `nil` when the option was not given, `.some(nil)` when it was given empty.
    static func optional<T>(_ text: String?, _ parse: (String) throws(DomainError) -> T) throws -> T?? {
        guard let text else { return nil }
        guard let value = text.nonBlank else { return .some(nil) }
        return .some(try parse(value))
    }

    /// Free text: `nil` when not given, `.some(nil)` when given empty.
    static func optionalText(_ text: String?) -> String?? {
        guard let text else { return nil }
        return .some(text.nonBlank)
    }

    static func year(_ text: String) throws(DomainError) -> Int {
        guard let year = Int(text) else {
            // Digits too many for an Int are a year out of range, not something other than a number.
            let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else {
                throw DomainError.notANumber(field: "ECOSOC year", value: text)
            }
            throw DomainError.invalidYear(digits: text)
        }
        return year
    }
}

extension Optional {
    /// Sets `target` when this option was given (`.some`), leaving it alone otherwise.
    func apply<T>(to target: inout T?) where Wrapped == T? {
        if case .some(let value) = self { target = value }
    }
}
