/// A change of a record kind that a later minor version of the change format added: this
/// release checks its hash and its place in the feed, keeps it and relays it byte for byte, but
/// cannot apply it. A release that knows the kind applies it from the log.
///
/// ```swift
/// if let kept = UnappliedChange(jsonBytes: bytes) { print(kept.kind) }   // "meeting", from 2.1
/// ```
public struct UnappliedChange: FeedEntry, Hashable {
    private let line: ChangeLine

    /// Reads a line of a later minor of this release's major format whose kind is unknown here;
    /// `nil` for anything else, a known kind included.
    public init?(jsonBytes: [UInt8]) {
        guard let line = ChangeLine(jsonBytes: jsonBytes), EntityKind(rawValue: line.kind) == nil,
            line.format.major == ChangeFormat.current.major, line.format.minor > ChangeFormat.current.minor
        else { return nil }
        self.line = line
    }

    /// A new change, its hash computed: what an office on the later format writes.
    public init(
        format: ChangeFormat,
        office: ID<Office>,
        sequence: Int64,
        timestamp: HybridTimestamp,
        kind: String,
        entityID: String,
        fields: [String: FieldAssignment],
        previousHash: String
    ) {
        var line = ChangeLine(
            format: format,
            critical: false,
            office: office,
            sequence: sequence,
            timestamp: timestamp,
            kind: kind,
            entityID: entityID,
            fields: fields,
            previousHash: previousHash,
            hash: ""
        )
        line.hash = line.computedHash ?? ""
        self.line = line
    }

    public var format: ChangeFormat { self.line.format }
    public var critical: Bool { self.line.critical }
    public var office: ID<Office> { self.line.office }
    public var sequence: Int64 { self.line.sequence }
    public var timestamp: HybridTimestamp { self.line.timestamp }
    /// The kind's name, as the later format calls it.
    public var kind: String { self.line.kind }
    public var entityID: String { self.line.entityID }
    public var previousHash: String { self.line.previousHash }
    public var hash: String { self.line.hash }
    public var jsonLine: String { self.line.text }
    /// Whether `bytes` are this change's line exactly as Signatory writes it.
    public func isWritten(as bytes: [UInt8]) -> Bool { self.line.bytes == bytes }
    /// The hash recomputed from the content: equal to ``hash`` unless the line was tampered with.
    public var computedHash: String? { self.line.computedHash }

    /// The checks a change of an unknown kind can still get: its versions are this office's, its
    /// field names and record id are well formed. Its values are checked by a release that knows them.
    public func validate() throws(DomainError) {
        guard self.timestamp.office == self.office else {
            throw .foreignTimestamp(office: self.timestamp.office.description)
        }
        // `Contact` would escape what an erasure of a contact removes.
        if EntityKind.allCases.contains(where: { $0.rawValue.lowercased() == self.kind.lowercased() }) {
            throw .unknownValue(field: "record kind", value: self.kind, allowed: EntityKind.allCases.map(\.rawValue))
        }
        if let name = self.line.fields.keys.first(where: { !ChangeFormat.isFieldName($0) }) {
            throw .unknownValue(field: "\(self.kind) field", value: name, allowed: [])
        }
        // This release cannot tell which erasure vouches for a removed value of a kind it does not know.
        if self.line.fields.values.contains(where: \.isErased) { throw .newerFormat(self.format) }
        // Printable ASCII, as every id this format has used.
        guard (1...200).contains(self.entityID.utf8.count),
            self.entityID.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else { throw .invalidReference(kind: "\(self.kind) id", value: String(self.entityID.prefix(80))) }
    }
}
