import Foundation

/// An email address, checked for the shape `local@domain.tld`; the domain is lower-cased.
///
/// ```swift
/// let email = try EmailAddress("Thierry@Example.ORG")  // "Thierry@example.org"
/// ```
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let address: String

    public init(_ text: String) throws(DomainError) {
        let trimmed = text.trimmedSpaces
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalidEmail(text) }
        let local = parts[0]
        let domain = parts[1].lowercased()
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard !local.isEmpty, local.utf8.count <= 64,
              !local.contains(where: { $0.isWhitespace || "<>()[],;:\"".contains($0) }),
              labels.count >= 2,
              labels.allSatisfy({ label in
                  !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                      && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
              }),
              labels.last!.count >= 2
        else { throw .invalidEmail(text) }
        self.address = "\(local)@\(domain)"
    }

    /// The part after `@`, used to match a sign-on form's contact to an organisation.
    public var domain: Substring { self.address[self.address.index(after: self.address.lastIndex(of: "@")!)...] }

    public var description: String { self.address }
}
