public import SignatoryDomain

/// One record as the change machinery names it: its kind and id.
public struct EntityRef: Hashable, Comparable, Sendable {
    public let kind: EntityKind
    public let id: String

    public init(_ kind: EntityKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func < (lhs: EntityRef, rhs: EntityRef) -> Bool {
        (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
    }
}
