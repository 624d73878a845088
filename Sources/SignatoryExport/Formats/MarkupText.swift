/// Escaping of user text for the printable formats.
enum MarkupText {
    /// Text safe anywhere in HTML: element content and quoted attribute values.
    ///
    /// ```swift
    /// MarkupText.html("<script>")   // "&lt;script&gt;"
    /// ```
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text that Markdown shows as typed: punctuation that could start markup gets a backslash,
    /// and line breaks become spaces so a value cannot start a heading or list of its own.
    ///
    /// ```swift
    /// MarkupText.markdown("*Friends* of [Dharma]")   // "\*Friends\* of \[Dharma\]"
    /// ```
    static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            // Values never start a line (headings and bullets come first), so only inline markup matters.
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&":
                result.append("\\")
                result.append(character)
            case "\r\n", "\n", "\r":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }
}
