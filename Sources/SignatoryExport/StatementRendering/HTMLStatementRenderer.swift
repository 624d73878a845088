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

    /// The coordinator's text as typed (``StatementBody``): paragraphs, line breaks and lists.
    static func body(_ text: String) -> String {
        var html = ""
        for paragraph in StatementBody.paragraphs(text) {
            for run in paragraph {
                switch run {
                case .text(let lines):
                    html += "<p>\(lines.map(MarkupText.html).joined(separator: "<br>\n"))</p>\n"
                case .list(let marker, let items):
                    let (open, close): (String, String)
                    switch marker {
                    case .numbered(let start, _):
                        (open, close) = (start == 1 ? "<ol>" : "<ol start=\"\(start)\">", "</ol>")
                    case .bulleted: (open, close) = ("<ul>", "</ul>")
                    }
                    html += open + "\n" + items.map { "<li>\(MarkupText.html($0))</li>\n" }.joined() + close + "\n"
                }
            }
        }
        return html
    }
}
