import Foundation

extension String {
    /// The text without surrounding white space, or `nil` when nothing is left.
    ///
    /// Optional fields treat an empty value as "not given", so `--acronym ""` clears an acronym.
    package var nonBlank: String? {
        guard let first = self.unicodeScalars.first, let last = self.unicodeScalars.last else { return nil }
        // Most values have nothing to trim; Foundation's trimming is slow enough to matter on imports.
        if !CharacterSet.whitespacesAndNewlines.contains(first) && !CharacterSet.whitespacesAndNewlines.contains(last) {
            return self
        }
        let trimmed = self.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The trimmed text, or an error naming `field` when it is blank.
    package func required(_ field: String) throws(DomainError) -> String {
        guard let value = self.nonBlank else { throw .emptyField(field) }
        return value
    }
}

extension String {
    /// The text without surrounding spaces and tabs.
    ///
    /// Values read back from a database or a bundle rarely have any, so this skips Foundation's
    /// trimming, which dominates parsing on the import path, when there is nothing to trim.
    package var trimmedSpaces: String {
        // Printable ASCII at both ends: nothing to trim, and no Unicode tables to consult.
        if let first = self.utf8.first, let last = self.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
        {
            return self
        }
        guard let first = self.unicodeScalars.first, let last = self.unicodeScalars.last else { return self }
        if !CharacterSet.whitespaces.contains(first) && !CharacterSet.whitespaces.contains(last) { return self }
        return self.trimmingCharacters(in: .whitespaces)
    }
}
