import SignatoryDomain

extension Publication.Line {
    /// The organisation line with each name passed through `name` (which isolates it, for
    /// right-to-left names, as the format can): "CAP Liberté de Conscience (CAP), NGO with …".
    func organisationLine(_ name: (String) -> String) -> String {
        self.status.map { "\(name(self.name)), \($0)" } ?? name(self.name)
    }

    /// "Contact: Thierry Valle, Director", or `nil` when nobody may be named.
    func contactLine(_ name: (String) -> String) -> String? {
        guard let person = self.contactName else { return nil }
        return "Contact: \(name(person))" + (self.contactTitle.map { ", " + name($0) } ?? "")
    }
}

/// Right-to-left names (Arabic, Hebrew…) inside left-to-right lines: isolated, so that the
/// punctuation around them stays where it belongs (Unicode UAX #9).
enum Bidi {
    /// Whether `text` holds a right-to-left letter.
    static func hasRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
            default: return false
            }
        }
    }

    /// `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it is right to left.
    static func isolated(_ text: String) -> String {
        self.hasRightToLeft(text) ? "\u{2068}\(text)\u{2069}" : text
    }
}
