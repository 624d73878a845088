import Foundation
import SignatoryDomain

/// The statement in Markdown, for a website or a newsletter: the title as a heading, the
/// body's paragraphs as typed, and the signatory block with every name escaped.
public struct MarkdownStatementRenderer: Sendable {
    public init() {}

    public func render(_ block: StatementRendition) -> String {
        let statement = block.statement
        var lines = ["# " + MarkupText.markdown(statement.title), ""]
        // The body is the coordinator's own prose: paragraphs stay, markup characters do not act.
        lines += statement.body.trimmingCharacters(in: .whitespacesAndNewlines)
            .components(separatedBy: "\n").map { $0.isEmpty ? "" : MarkupText.markdown($0) }
        if let lead = block.lead {
            lines += ["", "**\(MarkupText.markdown(lead.text))**"]
            if let contact = lead.contactText { lines += ["", MarkupText.markdown(contact)] }
        }
        if !block.cosigners.isEmpty {
            lines += ["", "## Joint statement with:", "", "*\(MarkupText.markdown(block.headline))*"]
            for entry in block.cosigners {
                lines += ["", "**\(MarkupText.markdown(entry.text))**"]
                if let contact = entry.contactText { lines += ["", MarkupText.markdown(contact)] }
            }
        }
        if !block.dateLines.isEmpty { lines += [""] + block.dateLines.map { "*\(MarkupText.markdown($0))*  " } }
        return lines.joined(separator: "\n") + "\n"
    }
}
