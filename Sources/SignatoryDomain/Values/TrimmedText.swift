import Foundation

extension String {
    /// The text without surrounding white space, or `nil` when nothing is left.
    ///
    /// Optional fields treat an empty value as "not given", so `--acronym ""` clears an acronym.
    package var nonBlank: String? {
        let trimmed = self.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The trimmed text, or an error naming `field` when it is blank.
    package func required(_ field: String) throws(DomainError) -> String {
        guard let value = self.nonBlank else { throw .emptyField(field) }
        return value
    }
}
