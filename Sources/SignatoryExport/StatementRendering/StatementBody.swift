import Foundation

/// The shape of a statement's text as the coordinator typed it, which every rich rendering
/// keeps: paragraphs at blank lines, line breaks inside them, and two or more lines in a row
/// that start "1." (or "1)") or "-" as a numbered or bulleted list, also right after a line of
/// text ("We ask states to:"). A lone marked line stays text.
///
/// ```swift
/// StatementBody.paragraphs("We ask states to:\n1. act;\n2. report.")
/// // [[.text(["We ask states to:"]), .list(ordered: true, items: ["act;", "report."])]]
/// ```
enum StatementBody {
    enum Run: Equatable {
        /// Lines of text, each shown on a line of its own.
        case text([String])
        /// The items without their markers.
        case list(ordered: Bool, items: [String])
    }

    /// The text's paragraphs, each as its runs of text and lists; a line of spaces parts
    /// paragraphs as an empty line does.
    static func paragraphs(_ text: String) -> [[Run]] {
        var paragraphs: [[String]] = [[]]
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map(Self.runs)
    }

    /// The paragraph's lines grouped into text and lists.
    private static func runs(_ lines: [String]) -> [Run] {
        func item(_ line: String) -> (ordered: Bool, text: String)? {
            let text = line.drop { $0 == " " || $0 == "\t" }
            if let length = Self.numberedMarker(text) { return (true, String(text.dropFirst(length))) }
            if let length = Self.bulletMarker(text) { return (false, String(text.dropFirst(length))) }
            return nil
        }
        var runs: [Run] = []
        var index = 0
        while index < lines.count {
            if let first = item(lines[index]) {
                var items = [first.text.trimmingCharacters(in: .whitespaces)]
                var next = index + 1
                while next < lines.count, let more = item(lines[next]), more.ordered == first.ordered {
                    items.append(more.text.trimmingCharacters(in: .whitespaces))
                    next += 1
                }
                if items.count > 1 {
                    runs.append(.list(ordered: first.ordered, items: items))
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
