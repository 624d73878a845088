import Foundation

/// A closed set of words a user picks from, such as a status.
///
/// ```swift
/// let status = try CampaignStatus(parsing: "Active")   // .active
/// _ = try CampaignStatus(parsing: "live")              // "campaign status 'live' is not one of: planning, active, closed"
/// ```
public protocol Choice: RawRepresentable<String>, CaseIterable, Hashable, Sendable, Codable {
    /// How the field is named in messages.
    static var fieldName: String { get }
}

extension Choice {
    public init(parsing text: String) throws(DomainError) {
        let word = text.trimmedSpaces
        guard
            let value = Self(rawValue: word)
                ?? Self.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() })
        else {
            throw .unknownValue(field: Self.fieldName, value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }
}
