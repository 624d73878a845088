import SignatoryDomain

/// Text made safe to print on a terminal or in a web page's message: any character
/// ``PlainText`` refuses on input (an escape sequence, a bidi override, a stray control) is shown
/// as a visible `\u{…}` instead of acting on the terminal or reordering the sentence around it.
/// Data written by older versions or other programs, and refused input echoed in an error, may hold them.
public enum TerminalText {
    public static func neutralised(_ text: String, multiline: Bool = true) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || (multiline && $0 == 0x0A) }) { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if PlainText.isRefused(scalar, multiline: multiline) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
