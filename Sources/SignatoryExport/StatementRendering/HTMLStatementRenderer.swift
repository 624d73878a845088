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

    /// The coordinator's text as typed: paragraphs at blank lines, and two or more lines in a
    /// row that start "1." (or "1)") or "-" as a numbered or bulleted list, also right after a
    /// line of text ("We ask states to:").
    static func body(_ text: String) -> String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        var html = ""
        for paragraph in paragraphs {
            for run in Self.runs(paragraph.components(separatedBy: "\n")) {
                switch run {
                case .text(let lines):
                    html += "<p>\(lines.map(MarkupText.html).joined(separator: "<br>\n"))</p>\n"
                case .list(let tag, let items):
                    html += "<\(tag)>\n" + items.map { "<li>\(MarkupText.html($0))</li>\n" }.joined() + "</\(tag)>\n"
                }
            }
        }
        return html
    }

    private enum Run {
        case text([String])
        /// `ol` or `ul`, and the items without their markers.
        case list(String, [String])
    }

    /// The paragraph's lines grouped into text and lists; a lone marked line stays text.
    private static func runs(_ lines: [String]) -> [Run] {
        func item(_ line: String) -> (tag: String, text: String)? {
            let text = line.drop { $0 == " " }
            if let length = Self.numberedMarker(text) { return ("ol", String(text.dropFirst(length))) }
            if let length = Self.bulletMarker(text) { return ("ul", String(text.dropFirst(length))) }
            return nil
        }
        var runs: [Run] = []
        var index = 0
        while index < lines.count {
            if let first = item(lines[index]) {
                var items = [first.text.trimmingCharacters(in: .whitespaces)]
                var next = index + 1
                while next < lines.count, let more = item(lines[next]), more.tag == first.tag {
                    items.append(more.text.trimmingCharacters(in: .whitespaces))
                    next += 1
                }
                if items.count > 1 {
                    runs.append(.list(first.tag, items))
                    index = next
                    continue
                }
            }
            if case .text(let previous)? = runs.last {
                runs[runs.count - 1] = .text(previous + [lines[index]])
            } else {
                runs.append(.text([lines[index]]))
            }
            index += 1
        }
        return runs
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
