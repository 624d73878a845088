import Foundation

/// The ways a name or a text is written in plain Latin letters, so that "Jürgen Müller" and
/// "Juergen Mueller", or "Иван Петров" and "Ivan Petrov", read as one person wherever people at
/// risk are looked for.
///
/// ```swift
/// LatinSpellings.all(of: "Шевченко")        // ["sevcenko", "shevchenko"]
/// LatinSpellings.romanised(of: "Jürgen")    // "Juergen"
/// LatinSpellings.romanised(of: "Lucica")    // nil: already plain Latin
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
        for (umlaut, letters) in Self.umlauts { spelt = spelt.replacingOccurrences(of: umlaut, with: letters) }
        if spelt != visible { sources.append(spelt) }
        var transforms = ["Any-Latin"]
        if Self.holdsCyrillic(visible) {
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

    /// Every Latin spelling a protected name is kept in: ``romanised(of:)``, the one other names are
    /// looked up in, then ``all(of:)``; none for a name in plain Latin letters.
    static func protectedSpellings(of name: String) -> [String] {
        Self.romanised(of: name).map { [$0] + Self.all(of: name) } ?? []
    }

    /// Whether `text` holds a Cyrillic letter.
    static func holdsCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    /// The one Latin spelling a name is looked up in, for a name that holds a German umlaut (spelt
    /// out) or a letter of a script other than Latin (Cyrillic by table, the rest by ICU's
    /// transliteration); `nil` for the rest, which folding accents and case reads alike already.
    /// Names are checked a line at a time in every sheet, so this is one spelling where
    /// ``all(of:)`` makes several; a protected name is kept in both.
    static func romanised(of name: String) -> String? {
        guard !name.utf8.allSatisfy({ $0 < 0x80 }), name.unicodeScalars.contains(where: Self.needsRomanising) else {
            return nil
        }
        // One pass, by table: umlauts spelt out, Cyrillic romanised.
        var spelt = String.UnicodeScalarView()
        var otherScript = false
        for scalar in name.unicodeScalars {
            if let letters = Self.umlautLetters[scalar] ?? Self.cyrillic[scalar] {
                spelt.append(contentsOf: letters.unicodeScalars)
            } else {
                otherScript = otherScript || scalar.value >= 0x0370 && Self.needsRomanising(scalar)
                spelt.append(scalar)
            }
        }
        let text = String(spelt)
        guard otherScript else { return text }
        return text.applyingTransform(StringTransform(rawValue: "Any-Latin; Latin-ASCII; Lower"), reverse: false)
            ?? text
    }

    private static let umlauts = [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")]

    private static let umlautLetters: [Unicode.Scalar: String] = Dictionary(
        uniqueKeysWithValues: Self.umlauts.map { (Unicode.Scalar($0.0)!, $0.1) }
    )

    /// Cyrillic letters, small and capital, as the BGN/PCGN romanisation of Russian writes them
    /// (`Шевченко` is `shevchenko`), and Ukrainian, Belarusian, Serbian and Macedonian letters as
    /// their usual romanisations. By table: a name in Cyrillic is common in a sheet, and ICU's
    /// transliteration takes about 13 µs a name.
    private static let cyrillic: [Unicode.Scalar: String] = {
        let small: [Unicode.Scalar: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
            "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
            "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
            "ь": "", "э": "e", "ю": "yu", "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ј": "j",
            "љ": "lj", "њ": "nj", "ђ": "dj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
        ]
        var table = small
        for (letter, latin) in small {
            guard let capital = String(letter).uppercased().unicodeScalars.first, capital != letter else { continue }
            table[capital] = latin
        }
        return table
    }()

    /// The consonants of a name written in Latin letters, word by word, as the many romanisations
    /// of one Cyrillic name share them: vowels, `y`, `j` and `h` dropped, `x` as `ks`, `w` as `v`,
    /// doubled letters once. "Alexei Navalny", "Aleksey Navalnyy" and "Алексей Навальный" are all
    /// `lks nvln`. Empty words are left out.
    static func skeleton(of latin: String) -> Set<String> {
        var words: Set<String> = []
        for word in latin.lowercased().split(whereSeparator: { !$0.isLetter }) {
            var consonants: [Character] = []
            for letter in word {
                switch letter {
                case "a", "e", "i", "o", "u", "y", "j", "h": continue
                case "x":
                    if consonants.last != "k" { consonants.append("k") }
                    consonants.append("s")
                case "w": if consonants.last != "v" { consonants.append("v") }
                default: if consonants.last != letter { consonants.append(letter) }
                }
            }
            if !consonants.isEmpty { words.insert(String(consonants)) }
        }
        return words
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
