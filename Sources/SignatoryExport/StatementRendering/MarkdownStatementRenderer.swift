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

    /// The coordinator's own prose with the shape the HTML rendering gives it
    /// (``StatementBody``): paragraphs, line breaks and numbered or bulleted lists; no other
    /// markup acts, and no line becomes a heading, a rule, a quote, a list or a code block.
    static func body(_ text: String) -> [String] {
        var lines: [String] = []
        // A list right after another of its kind would continue it in Markdown (5, 6 then 1, 2
        // read as 5 to 8): the second takes the other mark, which starts a list of its own.
        var previousMark: Character?
        for run in StatementBody.paragraphs(text).joined() {
            if !lines.isEmpty { lines.append("") }
            switch run {
            case .text(let text):
                // Two trailing spaces keep a line break inside a paragraph.
                lines += text.enumerated().map { index, line in
                    Self.plainLine(line) + (index < text.count - 1 ? "  " : "")
                }
                previousMark = nil
            case .list(let marker, let items):
                let mark: Character
                switch (marker, previousMark) {
                case (.numbered, "."): mark = ")"
                case (.numbered, ")"): mark = "."
                case (.numbered(_, let typed), _): mark = typed
                case (.bulleted, "-"): mark = "*"
                case (.bulleted, _): mark = "-"
                }
                previousMark = mark
                lines += items.enumerated().map { index, item in
                    switch marker {
                    case .numbered(let start, _): return "\(start + index)\(mark) " + Self.plainLine(item)
                    case .bulleted: return "\(mark) " + Self.plainLine(item)
                    }
                }
            }
        }
        return lines
    }

    /// A line whose start cannot begin a block: leading spaces (four make code) are dropped, and
    /// a first character that could start a heading, a list, or underline the line above
    /// ("===", "---") as a heading is escaped, as is the mark after a number ("1986. A year").
    static func plainLine(_ line: String) -> String {
        var escaped = MarkupText.markdown(String(line.drop { $0 == " " || $0 == "\t" }))
        if let first = escaped.first, "#-+=".contains(first) {
            escaped.insert("\\", at: escaped.startIndex)
        } else {
            let digits = escaped.prefix { $0.isASCII && $0.isNumber }
            let rest = escaped.dropFirst(digits.count)
            if (1...9).contains(digits.count), let mark = rest.first, mark == "." || mark == ")",
                rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true
            {
                escaped.insert("\\", at: rest.startIndex)
            }
        }
        return escaped
    }

    /// A right-to-left name stays apart from the text around it (Unicode isolates: Markdown
    /// has no element for it).
    static func name(_ text: String) -> String { Bidi.isolated(MarkupText.markdown(text)) }
}
