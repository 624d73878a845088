import Crypto
import Foundation

/// A value a change sets, and the versions of that field its author had seen (and so replaces).
public struct FieldAssignment: Hashable, Sendable {
    /// The value; `.null` once erased.
    public let value: FieldValue
    public let bases: [HybridTimestamp]
    /// How the change's hash covers the value.
    public let commitment: ValueCommitment

    public init(value: FieldValue, bases: [HybridTimestamp] = [], commitment: ValueCommitment = .plain) {
        self.value = value
        self.bases = bases.sorted()
        self.commitment = commitment
    }

    /// A format-2 assignment with a new random salt.
    public static func salted(_ value: FieldValue, bases: [HybridTimestamp] = []) -> FieldAssignment {
        FieldAssignment(value: value, bases: bases, commitment: .salted(ValueCommitment.newSalt()))
    }

    /// Whether the value was erased, leaving only its commitment.
    public var isErased: Bool { self.commitment.isErased }

    /// The assignment with its value removed and the commitment kept.
    func erased(field: String) -> FieldAssignment {
        switch self.commitment {
        case .plain, .erasedFormer:
            return FieldAssignment(value: .null, bases: self.bases, commitment: .erasedFormer)
        case .salted(let salt):
            let digest = ValueCommitment.digest(field: field, value: self.value, salt: salt)
            return FieldAssignment(value: .null, bases: self.bases, commitment: .erased(digest: digest))
        case .erased:
            return self
        }
    }
}

/// One entry of an office's append-only feed: some fields of one record set at one time.
///
/// Each change names the hash of its predecessor in the same feed, so a feed is a hash chain
/// and the office's signature over its head vouches for everything before it.
public struct Change: Hashable, Sendable {
    /// The format the change is written in: ``ChangeFormat/one`` or ``ChangeFormat/current``.
    public let format: ChangeFormat
    /// Whether a reader that does not understand the change must refuse it rather than relay it
    /// (an erasure is critical).
    public let critical: Bool
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
        format: ChangeFormat = .one,
        critical: Bool = false,
        office: ID<Office>,
        sequence: Int64,
        timestamp: HybridTimestamp,
        kind: EntityKind,
        entityID: String,
        fields: [String: FieldAssignment],
        previousHash: String,
        hash: String? = nil
    ) {
        self.format = format
        self.critical = critical
        self.office = office
        self.sequence = sequence
        self.timestamp = timestamp
        self.kind = kind
        self.entityID = entityID
        self.fields = fields
        self.previousHash = previousHash
        self.hash = ""
        self.hash = hash ?? self.computedHash ?? ""
    }

    /// SHA-256 over a length-prefixed canonical form, so no two different changes share it;
    /// `nil` for a format-1 change whose values were erased, or values committed in the wrong format.
    ///
    /// Format 2 hashes each value's salted digest instead of the value, so erasing a value
    /// leaves the hash intact.
    public var computedHash: String? { self.line.computedHash }

    /// The change's line, its kind as a name.
    var line: ChangeLine {
        ChangeLine(
            format: self.format,
            critical: self.critical,
            office: self.office,
            sequence: self.sequence,
            timestamp: self.timestamp,
            kind: self.kind.rawValue,
            entityID: self.entityID,
            fields: self.fields,
            previousHash: self.previousHash,
            hash: self.hash
        )
    }

    /// The change a line holds, when this release knows its kind.
    init?(_ line: ChangeLine) {
        guard let kind = EntityKind(rawValue: line.kind) else { return nil }
        self.init(
            format: line.format,
            critical: line.critical,
            office: line.office,
            sequence: line.sequence,
            timestamp: line.timestamp,
            kind: kind,
            entityID: line.entityID,
            fields: line.fields,
            previousHash: line.previousHash,
            hash: line.hash
        )
    }

    /// The change with the values of `names` removed: its hash is kept, and still verifies in
    /// format 2.
    public func erasing(_ names: Set<String>) -> Change {
        var fields = self.fields
        for name in names { fields[name] = fields[name]?.erased(field: name) }
        return Change(
            format: self.format,
            critical: self.critical,
            office: self.office,
            sequence: self.sequence,
            timestamp: self.timestamp,
            kind: self.kind,
            entityID: self.entityID,
            fields: fields,
            previousHash: self.previousHash,
            hash: self.hash
        )
    }

    /// Whether some value of the change was erased.
    public var hasErasedValues: Bool { self.fields.values.contains(where: \.isErased) }

    /// Whether the change is the deletion (or restoration) of its record.
    public var deletes: Bool { self.fields[EntityKind.deletedField]?.value == .bool(true) }
}

extension ChangeLine {
    /// See ``Change/computedHash``: the same for a change of any kind.
    var computedHash: String? {
        var canonical: [UInt8] = []
        canonical.reserveCapacity(1_024)
        let isSalted = self.format != .one
        if isSalted {
            for text in ["signatory-change-2", self.format.description, self.critical ? "1" : "0"] {
                canonical.append(lengthPrefixed: text)
            }
        } else {
            guard !self.critical else { return nil }
            canonical.append(lengthPrefixed: "signatory-change-1")
        }
        canonical.append(lengthPrefixed: self.office.description)
        canonical.append(lengthPrefixedDecimal: self.sequence)
        for text in [self.timestamp.text, self.kind, self.entityID, self.previousHash] {
            canonical.append(lengthPrefixed: text)
        }
        for name in self.fields.keys.sorted() {
            let assignment = self.fields[name]!
            canonical.append(lengthPrefixed: name)
            switch (assignment.commitment, isSalted) {
            case (.plain, false): canonical.append(lengthPrefixed: assignment.value)
            case (.salted(let salt), true):
                // A digest is always 64 hex digits.
                canonical.append(text: "64:")
                ValueCommitment.appendDigest(field: name, value: assignment.value, salt: salt, to: &canonical)
            case (.erased(let digest), true): canonical.append(lengthPrefixed: digest)
            default: return nil
            }
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
}
