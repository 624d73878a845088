import Foundation

/// A BCP 47 language tag such as `en`, `fr` or `pt-BR`, checked for shape only.
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
    public let tag: String

    public init(_ text: String) throws(DomainError) {
        let subtags = text.trimmedSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLetter }),
            subtags.dropFirst().allSatisfy({
                (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            })
        else { throw .invalidLanguage(text) }
        var parts = [primary.lowercased()]
        for subtag in subtags.dropFirst() {
            // Region subtags are upper-case by convention, scripts title-case.
            if subtag.count == 2 {
                parts.append(subtag.uppercased())
            } else if subtag.count == 4 {
                parts.append(subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased())
            } else {
                parts.append(subtag.lowercased())
            }
        }
        self.tag = parts.joined(separator: "-")
    }

    public var description: String { self.tag }
}
