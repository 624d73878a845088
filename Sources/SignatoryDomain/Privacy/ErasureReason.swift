import Foundation

/// The reason an erasure gives, checked against what the erasure removes.
///
/// The reason stays with the tombstone and travels to every office, where the person's values
/// are gone: a reason that repeats their name, email address or phone number would undo the
/// erasure it explains. Names and reasons are compared in each of their usual Latin spellings,
/// without case or accents ("Søren" is "soren"; "Jürgen" also "juergen"; "Шевченко" is
/// "sevcenko" and "shevchenko"), ignoring invisible characters such as soft hyphens.
///
/// ```swift
/// let held: [FieldMap] = [["fullName": .text("Thierry Valle"), "email": .text("t.valle@example.org")]]
/// try ErasureReason.check("asked to be forgotten", against: held)   // fine
/// try ErasureReason.check("Valle asked us", against: held)          // throws: repeats 'valle'
/// ```
public enum ErasureReason {
    /// Throws when `reason` repeats, from any name the person held, a word of three letters or
    /// more (of four or more also written in parts, of five or more also inside a longer word),
    /// the whole name (its words in order, or neighbouring words run together), or one of
    /// their email addresses or its part before the `@`, or the last seven digits of one of their
    /// phone numbers, however spaced.
    public static func check(_ reason: String, against held: [FieldMap]) throws(DomainError) {
        let spellings = LatinSpellings.all(of: reason).map(Spelling.init)
        // A person edited 10,000 times held few distinct values: each is checked once.
        func distinct(_ field: String) -> Set<String> { Set(held.compactMap { $0[field]?.text }) }
        for name in distinct("fullName") {
            for nameWords in LatinSpellings.all(of: name).map(Self.words(of:)) {
                for reason in spellings {
                    if let part = reason.repeated(nameWords) {
                        throw .reasonNamesPerson(field: "name", repeating: part)
                    }
                }
            }
        }
        for email in distinct("email") {
            let address = LatinSpellings.all(of: email)[0]
            let local = Self.words(of: String(address.prefix { $0 != "@" })).joined()
            for reason in spellings
            where reason.text.contains(address) || local.count >= 4 && reason.words.contains(local) {
                throw .reasonNamesPerson(field: "email address", repeating: email)
            }
        }
        let digitRuns = Self.digitRuns(in: spellings[0].text)
        for phone in distinct("phone") {
            let number = String(phone.unicodeScalars.filter(Self.isDigit).map(Character.init).suffix(7))
            if number.count == 7, digitRuns.contains(where: { $0.contains(number) }) {
                throw .reasonNamesPerson(field: "phone number", repeating: number)
            }
        }
    }

    /// One spelling of the reason, read into words once.
    private struct Spelling {
        let text: String
        let words: [String]
        let wordSet: Set<String>
        /// Each word, and the letters and digits of each run of text between spaces: a name
        /// split by hyphens, apostrophes or dots ("Luc-ica", "L'ucica", "H.u.m.e.n.u.c.") is
        /// whole again here, while words a space parts ("a man") stay apart.
        let runs: [String]

        init(_ text: String) {
            self.text = text
            self.words = ErasureReason.words(of: text)
            self.wordSet = Set(self.words)
            self.runs =
                self.words
                + text.split(whereSeparator: \.isWhitespace).map { ErasureReason.words(of: String($0)).joined() }
        }

        /// What this spelling repeats of a name spelt as `name`, if anything.
        func repeated(_ name: [String]) -> String? {
            if let word = name.first(where: { $0.count >= 3 && self.wordSet.contains($0) }) { return word }
            // A word of four letters or more written in parts, or of five or more inflected
            // ("Lucicas request", "cererea Lucicăi").
            for word in name where word.count >= 4 {
                if self.runs.contains(where: { $0 == word || word.count >= 5 && $0.contains(word) }) { return word }
            }
            // Neighbouring words run together: "annemarie" for "Anne-Marie", "lina" for "Li Na".
            for start in name.indices {
                var joined = name[start]
                for next in name[(start + 1)...] {
                    joined += next
                    if joined.count >= 4 && self.wordSet.contains(joined) { return joined }
                }
            }
            guard name.count > 1 else { return nil }
            let inOrder =
                name.count <= self.words.count
                && (0...(self.words.count - name.count)).contains { Array(self.words[$0..<($0 + name.count)]) == name }
            let runTogether = name.joined().count >= 6 && self.words.joined().contains(name.joined())
            return inOrder || runTogether ? name.joined(separator: " ") : nil
        }
    }

    private static func words(of text: String) -> [String] {
        text.components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Runs of digits, each read through the spaces, dots, dashes, slashes, commas, underscores,
    /// brackets and plus signs that a phone number is written with; anything else ends a run.
    private static func digitRuns(in text: String) -> [String] {
        var runs: [String] = []
        var run = ""
        for scalar in text.unicodeScalars {
            if Self.isDigit(scalar) {
                run.unicodeScalars.append(scalar)
            } else if run.isEmpty
                || !(" .-/,_()+".unicodeScalars.contains(scalar) || CharacterSet.whitespaces.contains(scalar))
            {
                if !run.isEmpty { runs.append(run) }
                run = ""
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }
}
