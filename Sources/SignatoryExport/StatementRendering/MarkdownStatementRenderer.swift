import Foundation
import SignatoryDomain

/// The statement in Markdown, for a website or a newsletter: the title as a heading, the
/// body's paragraphs as typed, and the signatory block with every name escaped.
public struct MarkdownStatementRenderer: Sendable {
    public init() {}

    public func render(_ block: StatementRendition) -> String {
        let statement = block.statement
        var lines = ["# " + MarkupText.markdown(statement.title), ""]
        lines += Self.body(statement.body)
        if let lead = block.lead {
            lines += ["", "**\(lead.organisationLine(Self.name))**"]
            if let contact = lead.contactLine(Self.name) { lines += ["", contact] }
        }
        if !block.cosigners.isEmpty {
            lines += ["", "## Joint statement with:", "", "*\(MarkupText.markdown(block.headline))*"]
            for entry in block.cosigners {
                lines += ["", "**\(entry.organisationLine(Self.name))**"]
                if let contact = entry.contactLine(Self.name) { lines += ["", contact] }
            }
        }
        if !block.dateLines.isEmpty { lines += [""] + block.dateLines.map { "*\(MarkupText.markdown($0))*  " } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The coordinator's own prose: paragraphs, line breaks and numbered or bulleted lists stay
    /// as typed; other markup characters do not act, and no line becomes a heading.
    static func body(_ text: String) -> [String] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            .components(separatedBy: "\n")
        return lines.enumerated().map { index, line in
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return "" }
            var escaped = MarkupText.markdown(line)
            if escaped.drop(while: { $0 == " " }).first == "#" { escaped = "\\" + escaped }
            let next = index + 1 < lines.count ? lines[index + 1].trimmingCharacters(in: .whitespaces) : ""
            // Two trailing spaces keep a line break inside a paragraph; list items need none.
            let isItem = line.range(of: #"^\s*(\d{1,3}[.)]|[-*+]) "#, options: .regularExpression) != nil
            return !next.isEmpty && !isItem ? escaped + "  " : escaped
        }
    }

    /// A right-to-left name stays apart from the text around it (Unicode isolates: Markdown
    /// has no element for it).
    static func name(_ text: String) -> String { Bidi.isolated(MarkupText.markdown(text)) }
}
