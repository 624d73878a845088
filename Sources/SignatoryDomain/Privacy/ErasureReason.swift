import Foundation

/// The reason an erasure gives, checked against what the erasure removes.
///
/// The reason stays with the tombstone and travels to every office, where the person's values
/// are gone: a reason that repeats their name, email address or phone number would undo the
/// erasure it explains. Names are compared as Latin letters without case or accents (so
/// "Søren" is "soren", "Иван" is "ivan"), ignoring invisible characters such as soft hyphens.
///
/// ```swift
/// let held: [FieldMap] = [["fullName": .text("Thierry Valle"), "email": .text("t.valle@example.org")]]
/// try ErasureReason.check("asked to be forgotten", against: held)   // fine
/// try ErasureReason.check("Valle asked us", against: held)          // throws: repeats 'valle'
/// ```
public enum ErasureReason {
    /// Throws when `reason` repeats, from any name the person held, a word of three letters or
    /// more, the whole name (its words in order, or run together), or one of their email
    /// addresses, or the last seven digits of one of their phone numbers, however spaced.
    public static func check(_ reason: String, against held: [FieldMap]) throws(DomainError) {
        let words = Self.words(of: reason)
        let wordSet = Set(words)
        let runTogether = words.joined()
        let digitRuns = Self.digitRuns(in: reason)
        for values in held {
            if let name = values["fullName"]?.text {
                for spelling in Self.spellings(of: name) {
                    let nameWords = Self.words(of: spelling)
                    if let word = nameWords.first(where: { $0.count >= 3 && wordSet.contains($0) }) {
                        throw .reasonNamesPerson(field: "name", repeating: word)
                    }
                    if let part = Self.runTogetherPart(of: nameWords, in: wordSet) {
                        throw .reasonNamesPerson(field: "name", repeating: part)
                    }
                    let whole = nameWords.joined()
                    if nameWords.count > 1 && Self.contains(words, inOrder: nameWords)
                        || whole.count >= 6 && runTogether.contains(whole)
                    {
                        throw .reasonNamesPerson(field: "name", repeating: nameWords.joined(separator: " "))
                    }
                }
            }
            if let email = values["email"]?.text, Self.plain(reason).contains(Self.plain(email)) {
                throw .reasonNamesPerson(field: "email address", repeating: email)
            }
            if let phone = values["phone"]?.text {
                let number = String(phone.unicodeScalars.filter(Self.isDigit).map(Character.init).suffix(7))
                if number.count == 7, digitRuns.contains(where: { $0.contains(number) }) {
                    throw .reasonNamesPerson(field: "phone number", repeating: number)
                }
            }
        }
    }

    /// The text in Latin letters, lower-cased, without accents or invisible characters.
    private static func plain(_ text: String) -> String {
        let visible = String(
            String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint })
        )
        return visible.applyingTransform(StringTransform(rawValue: "Any-Latin; Latin-ASCII; Lower"), reverse: false)
            ?? visible.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A name as written, and with German umlauts spelt out ("Jürgen" is also "Juergen").
    private static func spellings(of name: String) -> [String] {
        var spelt = name
        for (umlaut, letters) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")] {
            spelt = spelt.replacingOccurrences(of: umlaut, with: letters)
        }
        return spelt == name ? [name] : [name, spelt]
    }

    private static func words(of text: String) -> [String] {
        Self.plain(text).components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
    }

    /// Neighbouring words of a name run together into one word of the reason, of five letters
    /// or more: "Annemarie" for "Anne-Marie", "OBrien" for "O'Brien".
    private static func runTogetherPart(of name: [String], in words: Set<String>) -> String? {
        for start in name.indices {
            var joined = name[start]
            for next in name[(start + 1)...] {
                joined += next
                if joined.count >= 5 && words.contains(joined) { return joined }
            }
        }
        return nil
    }

    private static func contains(_ words: [String], inOrder part: [String]) -> Bool {
        guard part.count <= words.count else { return false }
        return (0...(words.count - part.count)).contains { Array(words[$0..<($0 + part.count)]) == part }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Runs of digits, each read through the spaces, dots, dashes, brackets and plus signs that
    /// a phone number is written with; anything else ends a run.
    private static func digitRuns(in text: String) -> [String] {
        var runs: [String] = []
        var run = ""
        for scalar in Self.plain(text).unicodeScalars {
            if Self.isDigit(scalar) {
                run.unicodeScalars.append(scalar)
            } else if run.isEmpty || !" .-()+".unicodeScalars.contains(scalar) {
                if !run.isEmpty { runs.append(run) }
                run = ""
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }
}
