import Foundation
import SignatoryDomain

/// The statement as one self-contained, printable HTML page with every value escaped.
public struct HTMLStatementRenderer: Sendable {
    public init() {}

    public func render(_ block: StatementRendition) -> String {
        let statement = block.statement
        var html = HTMLPage.opening(title: statement.title, language: statement.language.description)
        html += Self.body(statement.body)
        if let lead = block.lead {
            html += "<p class=\"lead\"><strong>\(lead.organisationLine(Self.name))</strong>"
            if let contact = lead.contactLine(Self.name) { html += "<br>\n\(contact)" }
            html += "</p>\n"
        }
        if !block.cosigners.isEmpty {
            html += "<h2>Joint statement with:</h2>\n<p class=\"facts\">\(MarkupText.html(block.headline))</p>\n"
            for entry in block.cosigners {
                html += "<p><strong>\(entry.organisationLine(Self.name))</strong>"
                if let contact = entry.contactLine(Self.name) { html += "<br>\n\(contact)" }
                html += "</p>\n"
            }
        }
        if !block.dateLines.isEmpty {
            html += "<p class=\"date\">\(block.dateLines.map(MarkupText.html).joined(separator: "<br>\n"))</p>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// A right-to-left name stays apart from the text around it.
    static func name(_ text: String) -> String { "<bdi>\(MarkupText.html(text))</bdi>" }

    /// The coordinator's text as typed: paragraphs at blank lines, and a paragraph whose every
    /// line starts "1." (or "1)") or "-" as a numbered or bulleted list.
    static func body(_ text: String) -> String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        var html = ""
        for paragraph in paragraphs {
            let lines = paragraph.components(separatedBy: "\n")
            if let items = Self.items(lines, marker: Self.numberedMarker) {
                html += "<ol>\n" + items.map { "<li>\(MarkupText.html($0))</li>\n" }.joined() + "</ol>\n"
            } else if let items = Self.items(lines, marker: Self.bulletMarker) {
                html += "<ul>\n" + items.map { "<li>\(MarkupText.html($0))</li>\n" }.joined() + "</ul>\n"
            } else {
                html += "<p>\(lines.map(MarkupText.html).joined(separator: "<br>\n"))</p>\n"
            }
        }
        return html
    }

    /// The items of a list whose every line starts with a marker, without their markers.
    private static func items(_ lines: [String], marker: (Substring) -> Int?) -> [String]? {
        var items: [String] = []
        for line in lines {
            let text = line.drop { $0 == " " }
            guard let length = marker(text) else { return nil }
            items.append(String(text.dropFirst(length)).trimmingCharacters(in: .whitespaces))
        }
        return items.count > 1 ? items : nil
    }

    /// "12. " or "3) ": the marker's length.
    private static func numberedMarker(_ line: Substring) -> Int? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return digits.count + 2
    }

    private static func bulletMarker(_ line: Substring) -> Int? {
        guard let first = line.first, first == "-" || first == "*" || first == "•", line.dropFirst().first == " " else {
            return nil
        }
        return 2
    }
}
