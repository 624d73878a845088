import Foundation
import SignatoryDomain

/// The statement as one self-contained, printable HTML page with every value escaped.
public struct HTMLStatementRenderer: Sendable {
    public init() {}

    public func render(_ block: StatementRendition) -> String {
        let statement = block.statement
        var html = HTMLPage.opening(title: statement.title, language: statement.language.description)
        let paragraphs = statement.body.trimmingCharacters(in: .whitespacesAndNewlines)
            .components(separatedBy: "\n\n").filter { !$0.isEmpty }
        for paragraph in paragraphs {
            html += "<p>\(MarkupText.html(paragraph).replacingOccurrences(of: "\n", with: "<br>\n"))</p>\n"
        }
        if let lead = block.lead {
            html += "<p class=\"lead\"><strong>\(MarkupText.html(lead.text))</strong>"
            if let contact = lead.contactText { html += "<br>\n\(MarkupText.html(contact))" }
            html += "</p>\n"
        }
        if !block.cosigners.isEmpty {
            html += "<h2>Joint statement with:</h2>\n<p class=\"facts\">\(MarkupText.html(block.headline))</p>\n"
            for entry in block.cosigners {
                html += "<p><strong>\(MarkupText.html(entry.text))</strong>"
                if let contact = entry.contactText { html += "<br>\n\(MarkupText.html(contact))" }
                html += "</p>\n"
            }
        }
        if !block.dateLines.isEmpty {
            html += "<p class=\"date\">\(block.dateLines.map(MarkupText.html).joined(separator: "<br>\n"))</p>\n"
        }
        return html + "</body>\n</html>\n"
    }
}
