/// What a name, title or note may hold: readable text, never terminal control.
///
/// Control characters (tab and line breaks aside, in multi-line fields), DEL, the C1 controls,
/// the bidirectional embeddings, overrides and isolates that can reorder what a reader sees
/// ("Trojan Source"), invisible characters that make look-alike names (zero-width space, word
/// joiner, byte-order mark, tag characters, Hangul fillers), and U+FFFD, which stands for bytes that were not UTF-8, are refused,
/// from the command line and from other offices alike.
///
/// ```swift
/// try PlainText.check("Thierry Valle", field: "contact name")          // fine
/// try PlainText.check("Valle\u{1B}[2J", field: "contact name")         // throws
/// ```
public enum PlainText {
    /// The longest one-line value (a name, a title), in UTF-8 bytes.
    public static let maximumLineBytes = 1_000
    /// The longest multi-line value (a statement's text, notes), in UTF-8 bytes: far below the
    /// 16 MiB a change line may take, so anything typed here can always be synced.
    public static let maximumTextBytes = 1 << 20

    /// `field` names the field in the error, and is only built when there is one.
    public static func check(
        _ text: String,
        field: @autoclosure () -> String,
        multiline: Bool = false
    ) throws(DomainError) {
        let limit = multiline ? self.maximumTextBytes : self.maximumLineBytes
        guard text.utf8.count <= limit else { throw .tooLong(field: field(), limit: limit) }
        // Printable ASCII, the common case, needs no look at scalars.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return }
        for scalar in text.unicodeScalars where self.isRefused(scalar, multiline: multiline) {
            throw .controlCharacter(field: field(), scalar: scalar.value)
        }
    }

    /// Whether `scalar` may not appear in a field.
    public static func isRefused(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A, 0x0D: return !multiline
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return !multiline
        // Zero-width space, word joiner, byte-order mark and tag characters hide text or make
        // look-alikes; so do the Hangul fillers, letters that print as nothing outside old Hangul.
        case 0x202A...0x202E, 0x2066...0x2069, 0xFFFD, 0x200B, 0x2060, 0xFEFF, 0xE0000...0xE007F: return true
        case 0x115F, 0x1160, 0x3164, 0xFFA0: return true
        default: return false
        }
    }
}
