import Foundation

/// The ways a name or a text is written in plain Latin letters, so that "Jürgen Müller" and
/// "Juergen Mueller", or "Иван Петров" and "Ivan Petrov", read as one person wherever people at
/// risk are looked for.
///
/// ```swift
/// LatinSpellings.all(of: "Шевченко")        // ["sevcenko", "shevchenko"]
/// LatinSpellings.romanised(of: "Jürgen")    // ["jurgen", "juergen"]
/// LatinSpellings.romanised(of: "Lucica")    // []: already plain Latin
/// ```
enum LatinSpellings {
    /// The ways `text` is spelt in Latin letters, lower-cased, without accents or invisible
    /// characters: the first by ICU's transliteration; then with German umlauts spelt out, and
    /// Cyrillic as the BGN/PCGN romanisations of Russian and Ukrainian write it.
    static func all(of text: String) -> [String] {
        // Compatibility forms first: mathematical bold and circled letters read as plain ones.
        let visible = String(
            String.UnicodeScalarView(
                text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
                    !$0.properties.isDefaultIgnorableCodePoint
                }
            )
        )
        var sources = [visible]
        var spelt = visible
        for (umlaut, letters) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")] {
            spelt = spelt.replacingOccurrences(of: umlaut, with: letters)
        }
        if spelt != visible { sources.append(spelt) }
        var transforms = ["Any-Latin"]
        if visible.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
            transforms += ["Russian-Latin/BGN", "Ukrainian-Latin/BGN"]
        }
        var spellings: [String] = []
        for source in sources {
            for transform in transforms {
                let plain =
                    source.applyingTransform(
                        StringTransform(rawValue: transform + "; Latin-ASCII; Lower"),
                        reverse: false
                    )
                    ?? source.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                if !spellings.contains(plain) { spellings.append(plain) }
            }
        }
        return spellings
    }

    /// ``all(of:)`` for a name that holds a German umlaut or a letter of a script other than
    /// Latin; none for the rest, which folding accents and case reads alike already. Names are
    /// checked a line at a time in every sheet: most are not transliterated.
    static func romanised(of name: String) -> [String] {
        guard !name.utf8.allSatisfy({ $0 < 0x80 }), name.unicodeScalars.contains(where: Self.needsRomanising) else {
            return []
        }
        return Self.all(of: name)
    }

    private static func needsRomanising(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xC4, 0xD6, 0xDC, 0xE4, 0xF6, 0xFC: return true
        // Greek to Mongolian and the scripts after it, Coptic to Ethiopic, the scripts of East Asia.
        case 0x0370...0x1DFF, 0x2C80...0x2DFF, 0x3040...0xD7AF, 0xF900...0xFAFF:
            return scalar.properties.isAlphabetic
        default: return false
        }
    }
}
