import Foundation

/// A UUID that knows what it identifies, so an organisation's id cannot be passed where a
/// contact's is expected.
///
/// ```swift
/// let id = ID<Organisation>()
/// print(id) // "3f2c…", lower-case
/// ```
public struct ID<Subject>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID = UUID()) {
        self.uuid = uuid
    }

    /// Parses the canonical textual form, in either case.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    public var description: String { self.uuid.uuidString.lowercased() }

    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let id = ID(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(string)' is not a UUID")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}
