/// Why a sign-on file was refused as a whole, worded for a coordinator.
public struct SignerImportError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Base: Hashable, Sendable {
        case notUTF8
        case malformed(line: Int, detail: String)
        case empty
        case missingColumn(String, found: [String])
        case unknownMapHeader(String)
        case rejectedRows(SignerImportReport)
        case noConsentColumn(found: [String])
        case ambiguousColumns(String, headers: [String], mapped: Bool)
        case consentAskedTheOtherWay(header: String)
        case consentHeaderUnclear(header: String)
        case unreadNamingQuestion(header: String)
        case namingQuestionReadAsField(header: String, field: String)
        case riskAskedUnclearly(header: String)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static let notUTF8 = SignerImportError(.notUTF8)
    static let empty = SignerImportError(.empty)
    static func malformed(line: Int, detail: String) -> SignerImportError {
        .init(.malformed(line: line, detail: detail))
    }
    static func missingColumn(_ field: String, found: [String]) -> SignerImportError {
        .init(.missingColumn(field, found: found))
    }
    static func unknownMapHeader(_ header: String) -> SignerImportError { .init(.unknownMapHeader(header)) }
    static func rejectedRows(_ report: SignerImportReport) -> SignerImportError { .init(.rejectedRows(report)) }
    static func noConsentColumn(found: [String]) -> SignerImportError { .init(.noConsentColumn(found: found)) }
    static func ambiguousColumns(_ field: String, headers: [String], mapped: Bool) -> SignerImportError {
        .init(.ambiguousColumns(field, headers: headers, mapped: mapped))
    }
    static func consentAskedTheOtherWay(header: String) -> SignerImportError {
        .init(.consentAskedTheOtherWay(header: header))
    }
    static func consentHeaderUnclear(header: String) -> SignerImportError {
        .init(.consentHeaderUnclear(header: header))
    }
    static func unreadNamingQuestion(header: String) -> SignerImportError {
        .init(.unreadNamingQuestion(header: header))
    }
    static func riskAskedUnclearly(header: String) -> SignerImportError { .init(.riskAskedUnclearly(header: header)) }
    static func namingQuestionReadAsField(header: String, field: String) -> SignerImportError {
        .init(.namingQuestionReadAsField(header: header, field: field))
    }

    /// The header of a column that speaks of publishing in words not read as a plain question
    /// for consent, when that is why the file was refused.
    public var unclearConsentHeader: String? {
        switch self.base {
        case .consentHeaderUnclear(let header), .unreadNamingQuestion(let header): return header
        default: return nil
        }
    }

    /// The header of a column that may ask whether the signer may be shown, and the field a word
    /// of it named, when that is why the file was refused.
    public var namingQuestionReadAsField: (header: String, field: String)? {
        if case .namingQuestionReadAsField(let header, let field) = self.base { return (header, field) }
        return nil
    }

    /// The header of a column about a signer's safety whose "yes" may mean either, when that is why
    /// the file was refused.
    public var riskAskedUnclearly: String? {
        if case .riskAskedUnclearly(let header) = self.base { return header }
        return nil
    }

    /// Whether the file was refused for having no consent column.
    public var lacksConsent: Bool {
        if case .noConsentColumn = self.base { return true }
        return false
    }

    /// The field no column was found for, when that is why the file was refused.
    public var missingField: String? {
        if case .missingColumn(let field, _) = self.base { return field }
        return nil
    }

    /// The field several columns were found for, when that is why the file was refused.
    public var ambiguousField: String? {
        if case .ambiguousColumns(let field, _, _) = self.base { return field }
        return nil
    }

    /// Whether the columns read as one field were named for it by the column mapping.
    public var fromMap: Bool {
        if case .ambiguousColumns(_, _, let mapped) = self.base { return mapped }
        return false
    }

    /// The report of an import refused for its bad rows.
    public var report: SignerImportReport? {
        if case .rejectedRows(let report) = self.base { return report }
        return nil
    }

    public var description: String {
        switch self.base {
        case .notUTF8:
            return "the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""
        case .malformed(let line, let detail):
            return "the file is not valid CSV at line \(line): \(detail); nothing was imported"
        case .empty:
            return "the file has no header line; the first line must name the columns (Organisation, Country, …)"
        case .missingColumn(let field, let found):
            return "no column for \(field) among \(Self.listed(found))"
        case .ambiguousColumns(let field, let headers, let mapped):
            return mapped
                ? "the column mapping names columns \(Self.listed(headers)) all as \(field), and only one can be"
                : "columns \(Self.listed(headers)) are all read as \(field), and one must be chosen"
        case .unknownMapHeader(let header):
            return "the column mapping names a column '\(header)' that the file's header line does not have"
        case .noConsentColumn(let found):
            return
                "no column says whether the signers agreed to be named (found: \(Self.listed(found))); consent is never assumed, so say what they agreed to"
        case .consentAskedTheOtherWay(let header):
            return "the column \(Self.listed([header])) asks about publishing the other way round (or on a "
                + "condition), so its \"yes\" may mean \"do not name me\" and cannot be read as consent; nothing "
                + "was imported. In the spreadsheet, turn its answers into ones to \"May we publish your name?\" "
                + "(yes where the signer agreed to be named, no otherwise) and name the column \"Consent to publish\""
        case .unreadNamingQuestion(let header):
            return "the column \(Self.listed([header])) may ask whether the signer may be named or listed, and is "
                + "not read: its \"no\" answers would be lost while another column or the consent given for the file "
                + "names everyone; nothing was imported"
        case .namingQuestionReadAsField(let header, let field):
            return
                "the column \(Self.listed([header])) may ask whether the signer may be shown, yet a word of it reads "
                + "as \(field): its \"yes\" and \"no\" answers would be printed as \(field)s, and its \"no\" lost; nothing "
                + "was imported"
        case .riskAskedUnclearly(let header):
            return "the column \(Self.listed([header])) asks about the signer's safety in words whose \"yes\" may mean "
                + "that they are at risk or that they are safe, so Signatory does not guess who is at risk; nothing was "
                + "imported"
        case .consentHeaderUnclear(let header):
            return "the column \(Self.listed([header])) speaks of publishing but says more than \"May we publish "
                + "your name?\", so Signatory does not guess whether its \"yes\" lets the signer be named; nothing "
                + "was imported"
        case .rejectedRows:
            return self.lines.joined(separator: "\n")
        }
    }

    /// Headers as a message quotes them: at most 20, each shortened as the report shortens it.
    private static func listed(_ headers: [String]) -> String {
        let shown = headers.prefix(20).map(SignerImportReport.quoted)
        return (shown + (headers.count > 20 ? ["… and \(headers.count - 20) more"] : [])).joined(separator: ", ")
    }

    /// The description's lines: one, or for refused rows a heading and a line per row (at
    /// most 20), whatever line breaks the rows' values hold.
    public var lines: [String] {
        guard case .rejectedRows(let report) = self.base else { return [self.description] }
        let rows = report.rejected.prefix(20).map { SignerImportReport.shortened("  line \($0.line): \($0.reason)") }
        let more = report.rejected.count > 20 ? ["  … and \(report.rejected.count - 20) more"] : []
        return ["\(report.rejected.count) row(s) cannot be imported, so nothing was imported:"] + rows + more
    }
}
