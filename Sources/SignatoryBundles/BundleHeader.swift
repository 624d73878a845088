public import Foundation
public import SignatoryDomain

/// The first line of a bundle: who wrote it, what its writer holds, and the signed heads that
/// vouch for the changes on the following lines (see `Schema/bundle.schema.json`).
public struct BundleHeader: Codable, Sendable {
    public static let format = "signatory-bundle"

    public let format: String
    /// The major version of the change format: 1 for bundles of releases before format 2.
    public let version: Int
    /// The minor version of the change format (absent in format 1): a reader of 2.0 reads 2.1,
    /// keeping and relaying what it does not understand.
    public let minor: Int?
    /// The office that wrote the bundle.
    public let from: ID<Office>
    public let fromName: String
    /// How far into each feed the writer is: its version vector, keyed by office id.
    public let have: [String: Int64]
    /// One signed head for each feed whose changes follow.
    public let heads: [FeedHead]
    /// How many change lines follow.
    public let changes: Int64
    /// The writer's signature over ``haveMessage(from:have:)``: what lets a receiver believe `have`.
    public let haveSignature: String?

    public init(
        from: ID<Office>,
        fromName: String,
        have: [String: Int64],
        heads: [FeedHead],
        changes: Int64,
        haveSignature: String? = nil
    ) {
        self.format = BundleHeader.format
        self.version = ChangeFormat.current.major
        self.minor = ChangeFormat.current.minor
        self.from = from
        self.fromName = fromName
        self.have = have
        self.heads = heads
        self.changes = changes
        self.haveSignature = haveSignature
    }

    /// The exact text a writer signs to vouch for its version vector.
    public static func haveMessage(from: ID<Office>, have: [String: Int64]) -> String {
        "signatory-have-1\n\(from)\n"
            + have.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
    }

    /// `have`, when the writer's signature over it verifies with `card`; otherwise nothing is known.
    public func verifiedHave(card: OfficeCard?) -> [ID<Office>: Int64] {
        guard let card, card.id == self.from, let signature = self.haveSignature,
            card.verify(signature, of: BundleHeader.haveMessage(from: self.from, have: self.have))
        else { return [:] }
        return [ID<Office>: Int64](keyedByText: self.have)
    }
}

extension BundleHeader {
    /// Reads a bundle's first line, refusing anything but a header of a version this build reads.
    ///
    /// ```swift
    /// let header = try BundleHeader.parse(Array(firstLine.utf8))
    /// ```
    public static func parse(_ line: some Collection<UInt8>) throws(SyncError) -> BundleHeader {
        guard let header = try? JSONDecoder().decode(BundleHeader.self, from: Data(line)),
            header.format == BundleHeader.format
        else {
            throw SyncError.malformed(line: 1, "the first line is not a bundle header")
        }
        switch (header.version, header.minor) {
        case (1, nil): break
        case (ChangeFormat.current.major, let minor?) where (0...9_999).contains(minor): break
        case (let major, let minor?) where major > ChangeFormat.current.major && (0...9_999).contains(minor):
            throw SyncError.unsupportedVersion(ChangeFormat(major: major, minor: minor).description)
        case (let major, nil) where major > ChangeFormat.current.major:
            throw SyncError.unsupportedVersion(String(major))
        default: throw SyncError.malformed(line: 1, "the header names no format version this Signatory knows")
        }
        // Positions and counts are used in arithmetic; a negative one could only come from a forgery.
        guard header.changes >= 0, header.have.values.allSatisfy({ $0 >= 0 }),
            header.heads.allSatisfy({ $0.sequence >= 1 })
        else {
            throw SyncError.malformed(line: 1, "the header holds a negative position or count")
        }
        return header
    }

    /// The header as a bundle's first line, newline included.
    public static func line(_ header: BundleHeader) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(header)
        line.append(UInt8(ascii: "\n"))
        return line
    }
}
