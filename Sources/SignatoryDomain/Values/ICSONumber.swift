/// The number of an organisation's profile in the UN's integrated Civil Society Organizations
/// system (iCSO), which ECOSOC uses for consultative status: the surest sign that two records
/// are one organisation.
///
/// ```swift
/// let number = try ICSONumber("# 004 281")   // "4281"
/// _ = try ICSONumber("CAP-12")               // throws DomainError.invalidICSONumber
/// ```
public struct ICSONumber: Hashable, Sendable, CustomStringConvertible {
    /// The digits, without leading zeros.
    public let digits: String

    /// Accepts digits, with spaces and a leading `#` as people copy them from the iCSO site.
    public init(_ text: String) throws(DomainError) {
        var body = Substring(text.trimmedSpaces)
        if body.hasPrefix("#") { body = body.dropFirst() }
        let digits = body.filter { $0 != " " }
        guard (1...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidICSONumber(text)
        }
        let significant = digits.drop { $0 == "0" }
        guard !significant.isEmpty else { throw .invalidICSONumber(text) }
        self.digits = String(significant)
    }

    public var description: String { self.digits }
}
