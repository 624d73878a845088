import Crypto
import Foundation

/// A value a change sets, and the versions of that field its author had seen (and so replaces).
public struct FieldAssignment: Hashable, Sendable {
    public let value: FieldValue
    public let bases: [HybridTimestamp]

    public init(value: FieldValue, bases: [HybridTimestamp] = []) {
        self.value = value
        self.bases = bases.sorted()
    }
}

/// One entry of an office's append-only feed: some fields of one record set at one time.
///
/// Each change names the hash of its predecessor in the same feed, so a feed is a hash chain
/// and the office's signature over its head vouches for everything before it.
public struct Change: Hashable, Sendable {
    public let office: ID<Office>
    /// Position in the office's feed: 1, 2, 3…
    public let sequence: Int64
    public let timestamp: HybridTimestamp
    public let kind: EntityKind
    public let entityID: String
    public let fields: [String: FieldAssignment]
    /// The hash of the change at `sequence - 1`, or ``Change/genesis`` for the first.
    public let previousHash: String
    public private(set) var hash: String

    /// The predecessor hash of a feed's first change.
    public static let genesis = String(repeating: "0", count: 64)

    /// A change: a new one, whose hash is computed from its content, or one as received, with
    /// the hash it claims (check it with ``computedHash``).
    public init(
        office: ID<Office>,
        sequence: Int64,
        timestamp: HybridTimestamp,
        kind: EntityKind,
        entityID: String,
        fields: [String: FieldAssignment],
        previousHash: String,
        hash: String? = nil
    ) {
        self.office = office
        self.sequence = sequence
        self.timestamp = timestamp
        self.kind = kind
        self.entityID = entityID
        self.fields = fields
        self.previousHash = previousHash
        self.hash = ""
        self.hash = hash ?? self.computedHash
    }

    /// SHA-256 over a length-prefixed canonical form, so no two different changes share it.
    public var computedHash: String {
        var canonical: [UInt8] = []
        canonical.reserveCapacity(1_024)
        for text in [
            "signatory-change-1", self.office.description, String(self.sequence), self.timestamp.text,
            self.kind.rawValue, self.entityID, self.previousHash,
        ] { canonical.append(lengthPrefixed: text) }
        for name in self.fields.keys.sorted() {
            let assignment = self.fields[name]!
            canonical.append(lengthPrefixed: name)
            canonical.append(lengthPrefixed: assignment.value)
            // The bases, comma-separated: each timestamp text has the same length.
            let bases = assignment.bases
            canonical.append(decimal: bases.reduce(max(0, bases.count - 1)) { $0 + $1.text.utf8.count })
            canonical.append(UInt8(ascii: ":"))
            for (index, base) in bases.enumerated() {
                if index > 0 { canonical.append(UInt8(ascii: ",")) }
                canonical.append(text: base.text)
            }
        }
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        hex.append(hex: SHA256.hash(data: canonical))
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether the change is the deletion (or restoration) of its record.
    public var deletes: Bool { self.fields[EntityKind.deletedField]?.value == .bool(true) }
}
