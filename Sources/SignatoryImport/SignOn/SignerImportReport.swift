import SignatoryDomain

/// What a sign-on import did, or would do in a dry run, row by row.
public struct SignerImportReport: Sendable, Hashable, CustomStringConvertible {
    public struct Rejection: Sendable, Hashable {
        /// The line of the file the row starts on.
        public let line: Int
        public let reason: String
    }

    /// A value the import could not read and left empty, keeping the row.
    public struct Warning: Sendable, Hashable {
        public let line: Int
        public let text: String
    }

    /// Which field a header of the file was read as; `nil` when its column is not read.
    public struct Column: Sendable, Hashable {
        public let header: String
        public let field: SignOnField?
    }

    /// What happened to one row: "created", "matched SIRDO by acronym", "rejected: …".
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let organisation: String
        public let outcome: String
    }

    /// Rows whose organisation was new.
    public internal(set) var created = 0
    /// Rows whose organisation existed and was left as it was.
    public internal(set) var matched = 0
    /// Rows whose existing organisation, contact or signature was changed.
    public internal(set) var updated = 0
    public internal(set) var rejected: [Rejection] = []
    public internal(set) var warnings: [Warning] = []
    public internal(set) var contactsAdded = 0
    public internal(set) var signaturesRecorded = 0
    /// Organisations that had withdrawn or declined and signed again (`--mode update`).
    public internal(set) var signedAgain: [String] = []
    /// Headers of columns that name no field.
    public internal(set) var ignoredColumns: [String] = []
    public internal(set) var columns: [Column] = []
    public internal(set) var rows: [Row] = []
    public internal(set) var dryRun = false
    /// The line that created each new organisation, to name it in a warning.
    var createdOn: [ID<Organisation>: Int] = [:]
    /// The last line that changed an organisation's acronym, country or number.
    var updatedOn: [ID<Organisation>: Int] = [:]

    public var description: String { self.lines.joined(separator: "\n") }

    /// The report's lines: a summary, then a line per row read (dry run), warning and refusal,
    /// whatever line breaks the file's values hold.
    public var lines: [String] {
        var lines = [
            (self.dryRun ? "Dry run, nothing written: " : "")
                + "\(self.created) created, \(self.matched) matched, \(self.updated) updated, \(self.rejected.count) rejected; "
                + "\(self.contactsAdded) contact(s) added, \(self.signaturesRecorded) signature(s) recorded."
        ]
        if self.dryRun {
            lines.append(
                "Columns read as: "
                    + self.columns.map { "\(Self.quoted($0.header)) → \($0.field?.rawValue ?? "not read")" }.joined(
                        separator: ", "
                    )
            )
            lines += self.rows.map { Self.shortened("Line \($0.line): \($0.organisation): \($0.outcome)") }
        } else if !self.ignoredColumns.isEmpty {
            lines.append(
                "Columns not read: \(self.ignoredColumns.map(Self.quoted).joined(separator: ", ")) (map one to a field to read it)."
            )
        }
        lines += self.signedAgain.map { Self.shortened("Signed again after withdrawing or declining: \($0)") }
        lines += self.warnings.map { Self.shortened("Warning, line \($0.line): \($0.text)") }
        if !self.dryRun { lines += self.rejected.map { Self.shortened("Rejected line \($0.line): \($0.reason)") } }
        return lines
    }

    /// A header as the report and errors quote it: at most 60 characters (a header line may be
    /// megabytes long).
    static func quoted(_ header: String) -> String {
        header.count > 60 ? "'\(header.prefix(60))…'" : "'\(header)'"
    }

    /// A line about one row of at most 500 characters: a cell may be megabytes long, and the
    /// report shows which one, not all of it.
    static func shortened(_ line: String) -> String {
        guard line.utf8.count > 500, line.count > 500 else { return line }
        return "\(line.prefix(500))… (\(line.count) characters)"
    }
}
