import SignatoryDomain

/// Text made safe to print on a terminal or in a web page's message: any character
/// ``PlainText`` refuses on input (an escape sequence, a bidi override, a stray control) is shown
/// as a visible `\u{…}` instead of acting on the terminal or reordering the sentence around it.
/// Data written by older versions or other programs, and refused input echoed in an error, may hold them.
///
/// ```swift
/// TerminalText.neutralised("CAP\rAll changes saved")   // "CAP\\u{D}All changes saved"
/// ```
public enum TerminalText {
    public static func neutralised(_ text: String, multiline: Bool = true) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || (multiline && $0 == 0x0A) }) { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            // Multi-line text may end its lines with CR LF, but a carriage return of its own sends
            // the cursor back to the line's start: what follows would overwrite what was printed.
            // A tab in one line (a table's cell) would push the columns after it out of line.
            let shownEscaped =
                multiline
                ? (scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n"))
                    || PlainText.isRefused(scalar, multiline: true)
                : Self.isEscapedOnOneLine(scalar)
            if shownEscaped {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether one line of text shows `scalar` escaped: what ``PlainText`` refuses in one line,
    /// a carriage return and a tab.
    public static func isEscapedOnOneLine(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || scalar == "\t" || PlainText.isRefused(scalar, multiline: false)
    }
}
