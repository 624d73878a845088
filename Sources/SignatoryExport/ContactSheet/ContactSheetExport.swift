public import Foundation
public import SignatoryDomain
public import SignatoryStore

/// Writes a contact sheet for one audience and reports what it left out.
///
/// ```swift
/// var sink = ByteSink(FileHandle.standardOutput)
/// let export = ContactSheetExport(scope: .statement(id), format: .vcard, audience: .coalition, title: "Joint statement")
/// let summary = try export.write(from: store, to: &sink)
/// printToStandardError(summary.description)   // "Left out 1 contact: 1 at risk."
/// ```
public struct ContactSheetExport: Sendable {
    public var scope: ContactScope
    public var format: ContactSheetFormat
    public var audience: ExportAudience
    /// What the printable formats print at the top.
    public var title: String
    /// When the sheet was made: the vCards' `REV`.
    public var madeAt: Date
    /// Whether a CSV starts with a UTF-8 byte order mark, which Excel needs to read it as UTF-8.
    public var byteOrderMark = false

    public init(
        scope: ContactScope,
        format: ContactSheetFormat,
        audience: ExportAudience,
        title: String,
        madeAt: Date = Date()
    ) {
        self.scope = scope
        self.format = format
        self.audience = audience
        self.title = title
        self.madeAt = madeAt
    }

    public func write(from store: Store, to sink: inout ByteSink) throws -> ContactSheetSummary {
        let heading = SheetHeading(
            audience: self.audience,
            scope: self.scopeDescription,
            madeAt: self.madeAt
        )
        var writer = self.format.makeWriter(
            title: self.title,
            heading: heading,
            revision: VCardText.timestamp(self.madeAt)
        )
        var filter = AudienceFilter(audience: self.audience)
        var lines = 0
        if self.byteOrderMark && self.format.isCSV {
            for byte: UInt8 in [0xEF, 0xBB, 0xBF] { sink.append(byte: byte) }
        }
        writer.start(&sink)
        func emit(_ line: ContactSheetLine) {
            lines += 1
            writer.write(line, to: &sink)
        }
        try store.forEachContactListing(in: self.scope) { filter.take($0, emit: emit) }
        filter.finish(emit: emit)
        writer.finish(&sink)
        try sink.finish()
        return ContactSheetSummary(audience: self.audience, lines: lines, omissions: filter.omissions)
    }
}

extension ContactSheetExport {
    /// What the sheet covers, for its heading: "statement 'No one left behind'".
    var scopeDescription: String {
        switch self.scope {
        case .statement: return "statement '\(self.title)'"
        case .campaign: return "campaign '\(self.title)'"
        case .all: return "all organisations"
        }
    }

    /// The sheet's lines for the audience, without a file format: what the hub's API serves.
    public func lines(from store: Store) throws -> (lines: [ContactSheetLine], summary: ContactSheetSummary) {
        var filter = AudienceFilter(audience: self.audience)
        var lines: [ContactSheetLine] = []
        try store.forEachContactListing(in: self.scope) { filter.take($0) { lines.append($0) } }
        filter.finish { lines.append($0) }
        return (lines, ContactSheetSummary(audience: self.audience, lines: lines.count, omissions: filter.omissions))
    }
}

/// How many lines a contact sheet holds and how many contacts it left out, by reason.
public struct ContactSheetSummary: Sendable, Hashable, CustomStringConvertible {
    public let audience: ExportAudience
    public let lines: Int
    public let omissions: [ContactOmission: Int]

    public var omittedCount: Int { self.omissions.values.reduce(0, +) }

    /// "Left out 3 contacts for the public audience: 1 at risk, 2 who have not consented to publication."
    public var description: String {
        let total = self.omittedCount
        let noun = total == 1 ? "contact" : "contacts"
        guard total > 0 else { return "Left out 0 contacts for the \(self.audience.rawValue) audience." }
        let reasons = self.omissions.sorted { $0.key < $1.key }.map { Self.counted($0.value, $0.key) }
        return
            "Left out \(total) \(noun) for the \(self.audience.rawValue) audience: \(reasons.joined(separator: ", "))."
    }

    /// "1 at risk", "2 whose organisations have not signed with consent to publication": an
    /// organisation that was only invited, or withdrew, has not signed with consent either.
    private static func counted(_ count: Int, _ reason: ContactOmission) -> String {
        switch reason {
        case .atRisk:
            return "\(count) at risk"
        case .organisationNotConsenting:
            return count == 1
                ? "1 whose organisation has not signed with consent to publication"
                : "\(count) whose organisations have not signed with consent to publication"
        case .contactNotConsenting:
            return count == 1
                ? "1 who has not consented to publication" : "\(count) who have not consented to publication"
        }
    }
}
