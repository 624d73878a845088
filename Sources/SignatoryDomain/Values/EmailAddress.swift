import Foundation

/// An email address, checked for the shape `local@domain.tld`; the domain is lower-cased.
///
/// ```swift
/// let email = try EmailAddress("Thierry@Example.ORG")  // "Thierry@example.org"
/// ```
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let address: String

    public init(_ text: String) throws(DomainError) {
        if let address = Self.plainASCII(text) {
            self.address = address
            return
        }
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

    /// The common case, checked byte by byte: a plain ASCII address with letters, digits and
    /// `.-_+` before the `@` and a lower-case domain after it. `nil` sends it through the full check.
    private static func plainASCII(_ text: String) -> String? {
        let bytes = text.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.distance(from: bytes.startIndex, to: at) <= 64,
            at != bytes.startIndex
        else { return nil }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
        guard
            bytes[..<at].allSatisfy({
                isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "+")
            })
        else { return nil }
        let domain = bytes[bytes.index(after: at)...]
        var labelLength = 0
        var lastLabelLength = 0
        var labels = 1
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in domain {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return nil }
                labels += 1
                labelLength = 0
            } else {
                // Lower-case only: anything else goes through the full check, which lower-cases it.
                guard
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || (byte == UInt8(ascii: "-") && labelLength > 0)
                else { return nil }
                labelLength += 1
            }
            lastLabelLength = labelLength
            previous = byte
        }
        guard labels >= 2, lastLabelLength >= 2, previous != UInt8(ascii: "-") else { return nil }
        return text
    }

    /// The part after `@`, used to match a sign-on form's contact to an organisation.
    public var domain: Substring { self.address[self.address.index(after: self.address.lastIndex(of: "@")!)...] }

    public var description: String { self.address }
}
