public import Foundation

/// The installation that keeps a database: a coalition's field office or its hub.
public struct Office: Hashable, Sendable, Identifiable {
    public let id: ID<Office>
    public var name: String
    public let createdAt: Date

    public init(id: ID<Office> = ID(), name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }

    public func validate() throws(DomainError) {
        guard self.name.nonBlank != nil else { throw .emptyField("office name") }
        try PlainText.check(self.name, field: "office name")
    }
}
