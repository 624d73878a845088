import Foundation

/// The shape of a statement's text as the coordinator typed it, which every rich rendering
/// keeps: paragraphs at blank lines, line breaks inside them, and two or more lines in a row
/// that start "-" as a bulleted list, or with numbers that count up by one ("1.", "2."; "12)",
/// "13)") as a numbered list starting at the first, also right after a line of text ("We ask
/// states to:"). A lone marked line stays text, and so do numbered lines that skip or repeat a
/// number ("5.", "7."): a list would renumber them, and the numbers are the author's.
///
/// ```swift
/// StatementBody.paragraphs("We ask states to:\n1. act;\n2. report.")
/// // [[.text(["We ask states to:"]), .list(.numbered(start: 1, mark: "."), items: ["act;", "report."])]]
/// ```
enum StatementBody {
    enum Marker: Equatable {
        /// Numbers counting up from `start`, each followed by `mark` ("." or ")").
        case numbered(start: Int, mark: Character)
        case bulleted
    }

    enum Run: Equatable {
        /// Lines of text, each shown on a line of its own.
        case text([String])
        /// The items without their markers.
        case list(Marker, items: [String])
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
        func item(_ line: String) -> (marker: Marker, text: String)? {
            let text = line.drop { $0 == " " || $0 == "\t" }
            if let (number, mark) = Self.numberedMarker(text) {
                let length = String(number).count + 2
                return (.numbered(start: number, mark: mark), String(text.dropFirst(length)))
            }
            if let length = Self.bulletMarker(text) { return (.bulleted, String(text.dropFirst(length))) }
            return nil
        }
        /// Whether `next` continues a list that `first` began and `count` items hold.
        func continues(_ first: Marker, _ count: Int, with next: Marker) -> Bool {
            switch (first, next) {
            case (.bulleted, .bulleted): return true
            case (.numbered(let start, let mark), .numbered(let number, let nextMark)):
                return mark == nextMark && number == start + count
            default: return false
            }
        }
        var runs: [Run] = []
        var index = 0
        while index < lines.count {
            if let first = item(lines[index]) {
                var items = [first.text.trimmingCharacters(in: .whitespaces)]
                var next = index + 1
                while next < lines.count, let more = item(lines[next]),
                    continues(first.marker, items.count, with: more.marker)
                {
                    items.append(more.text.trimmingCharacters(in: .whitespaces))
                    next += 1
                }
                if items.count > 1 {
                    runs.append(.list(first.marker, items: items))
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

    /// "12. " or "3) ": the number and its mark. A number written with a leading zero ("01.")
    /// is no marker, as a list could not show it as typed.
    private static func numberedMarker(_ line: Substring) -> (number: Int, mark: Character)? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), digits.count == 1 || digits.first != "0", let number = Int(digits) else {
            return nil
        }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return (number, mark)
    }

    private static func bulletMarker(_ line: Substring) -> Int? {
        guard let first = line.first, first == "-" || first == "*" || first == "•", line.dropFirst().first == " " else {
            return nil
        }
        return 2
    }
}
