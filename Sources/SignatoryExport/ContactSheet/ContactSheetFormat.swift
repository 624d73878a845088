/// The file formats of a contact sheet.
public enum ContactSheetFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV with the sheet's own columns.
    case csv
    /// CSV with the column headers Google Contacts imports.
    case googleCSV = "google-csv"
    /// CSV with the column headers Outlook imports.
    case outlookCSV = "outlook-csv"
    /// vCard 4.0 (RFC 6350), one card per contact.
    case vcard
    /// vCard 3.0 (RFC 2426), for address books that do not read 4.0.
    case vcard3
    /// A printable sheet in Markdown, grouped by organisation.
    case markdown
    /// A printable, self-contained HTML page, grouped by organisation.
    case html

    /// The media type to serve the sheet with.
    public var mediaType: String {
        switch self {
        case .csv, .googleCSV, .outlookCSV: return "text/csv; charset=utf-8"
        case .vcard, .vcard3: return "text/vcard; charset=utf-8"
        case .markdown: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        }
    }

    /// Whether the format is one of the CSVs.
    public var isCSV: Bool { self == .csv || self == .googleCSV || self == .outlookCSV }

    /// The usual file name extension.
    public var fileExtension: String {
        switch self {
        case .csv, .googleCSV, .outlookCSV: return "csv"
        case .vcard, .vcard3: return "vcf"
        case .markdown: return "md"
        case .html: return "html"
        }
    }

    /// The CSVs carry no heading: a comment line would be read as a contact by the address
    /// books and spreadsheets they are made for.
    func makeWriter(title: String, heading: SheetHeading, revision: String) -> any ContactSheetWriter {
        switch self {
        case .csv: return CSVContactSheet(columns: .sheet)
        case .googleCSV: return CSVContactSheet(columns: .google)
        case .outlookCSV: return CSVContactSheet(columns: .outlook)
        case .vcard: return VCardContactSheet(revision: revision, heading: heading, version: .four)
        case .vcard3: return VCardContactSheet(revision: revision, heading: heading, version: .three)
        case .markdown: return MarkdownContactSheet(title: title, heading: heading)
        case .html: return HTMLContactSheet(title: title, heading: heading)
        }
    }
}

/// Writes the lines of a contact sheet in one format.
protocol ContactSheetWriter {
    mutating func start(_ sink: inout ByteSink)
    mutating func write(_ line: ContactSheetLine, to sink: inout ByteSink)
    mutating func finish(_ sink: inout ByteSink)
}
