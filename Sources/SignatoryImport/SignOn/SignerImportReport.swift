/// What a sign-on import did, or would do in a dry run, row by row.
public struct SignerImportReport: Sendable, Hashable, CustomStringConvertible {
    public struct Rejection: Sendable, Hashable {
        /// The line of the file the row starts on.
        public let line: Int
        public let reason: String
    }

    /// Rows whose organisation was new.
    public internal(set) var created = 0
    /// Rows whose organisation existed and was left as it was.
    public internal(set) var matched = 0
    /// Rows whose existing organisation, contact or signature was changed.
    public internal(set) var updated = 0
    public internal(set) var rejected: [Rejection] = []
    public internal(set) var contactsAdded = 0
    public internal(set) var signaturesRecorded = 0
    /// Headers of columns that name no field.
    public internal(set) var ignoredColumns: [String] = []
    public internal(set) var dryRun = false

    public var description: String {
        var lines = [
            (self.dryRun ? "Dry run, nothing written: " : "")
                + "\(self.created) created, \(self.matched) matched, \(self.updated) updated, \(self.rejected.count) rejected; "
                + "\(self.contactsAdded) contact(s) added, \(self.signaturesRecorded) signature(s) recorded."
        ]
        if !self.ignoredColumns.isEmpty {
            lines.append(
                "Columns not read: \(self.ignoredColumns.map { "'\($0)'" }.joined(separator: ", ")) (map one to a field to read it)."
            )
        }
        lines += self.rejected.map { "Rejected line \($0.line): \($0.reason)" }
        return lines.joined(separator: "\n")
    }
}
