import Foundation

/// The names, email addresses and phone numbers of the contacts at risk. Another contact that
/// shares any of them is protected as if at risk: a person at risk entered a second time (at
/// another organisation, by a sign-on form, or with the box left unticked) must not be named,
/// mailed or called through the second entry. A namesake who is not at risk is left out of
/// shared sheets too, which is the safe way to be wrong.
///
/// Names match when every word of the protected name is in the other, ignoring case, accents,
/// width (full-width letters), punctuation and order: "Humenuc, Lucica" and "Dr. Lucica M.
/// Humenuc" are Lucica Humenuc. The protected name also counts without its titles, degrees,
/// initials and what brackets hold, and by its first and last words ("Dr. Lucica Maria Humenuc,
/// PhD" protects "Lucica Humenuc"), and in Latin letters ("Иван Петров" protects "Ivan Petrov",
/// "Jürgen Müller" protects "Juergen Mueller", and the other way round). Phone numbers match on
/// their last eight digits, so a trunk "(0)" or a different prefix does not hide a number.
///
/// ```swift
/// var identities = ProtectedIdentities()
/// identities.add(humenuc)                                              // at risk
/// identities.protects(name: "HUMENUC, Lucica", email: nil, phone: nil)  // true
/// ```
public struct ProtectedIdentities: Sendable, Hashable {
    /// Each protected name as its words, sorted and joined by spaces: "humenuc lucica".
    private var names: Set<String> = []
    /// The same as word sets, for the rare name of more words than ``subsetLimit``.
    private var wordSets: [Set<String>] = []
    /// The fewest words of a protected name: smaller subsets need no look-up.
    private var fewestWords = Int.max
    /// Every word of every protected name: a word outside it cannot help a name match.
    private var protectedWords: Set<String> = []
    /// The lengths in bytes of the protected names of one word, run-together names included: a
    /// name is run together for the look-up only when its length is one of these.
    private var oneWordLengths: Set<Int> = []
    /// The ``LatinSpellings/skeleton(of:)`` of each protected name written in Cyrillic, of two
    /// words and six letters or more: how its other romanisations are recognised.
    private var skeletons: [Set<String>] = []
    private var emails: Set<String> = []
    private var phones: Set<String> = []

    public init() {}

    /// Adds a contact's name, email address and phone number, if the contact is at risk.
    public mutating func add(_ contact: ContactPerson) {
        guard contact.atRisk else { return }
        self.add(name: contact.fullName, email: contact.email?.address, phone: contact.phone?.e164)
    }

    /// Adds the identity of a contact at risk, as the store holds it, or a name, address or
    /// number such a contact held before.
    public mutating func add(name: String?, email: String?, phone: String?) {
        // The email and phone protect the person even when the name has no word to match by.
        if let email { self.emails.insert(Self.emailKey(email)) }
        if let phone, let key = Self.phoneKey(phone) { self.phones.insert(key) }
        guard let name else { return }
        let latin = LatinSpellings.protectedSpellings(of: name)
        if LatinSpellings.holdsCyrillic(name) {
            for spelling in latin {
                let skeleton = LatinSpellings.skeleton(of: spelling)
                guard skeleton.count >= 2, skeleton.reduce(0, { $0 + $1.count }) >= 6,
                    !self.skeletons.contains(skeleton)
                else { continue }
                self.skeletons.append(skeleton)
            }
        }
        for words in Self.protectedSpellings(of: name, latin: latin) {
            self.names.insert(words.sorted().joined(separator: " "))
            self.wordSets.append(words)
            self.protectedWords.formUnion(words)
            self.fewestWords = min(self.fewestWords, words.count)
            if words.count == 1, let word = words.first { self.oneWordLengths.insert(word.utf8.count) }
        }
    }

    /// Whether a contact with these details is, or may be, a person at risk.
    public func protects(name: String?, email: String?, phone: String?) -> Bool {
        // Cheapest first, and nothing folded when nobody is at risk: a sheet checks every line.
        if let phone, !self.phones.isEmpty, let key = Self.phoneKey(phone), self.phones.contains(key) { return true }
        if let email, !self.emails.isEmpty, self.emails.contains(Self.emailKey(email)) { return true }
        guard let name, !self.names.isEmpty else { return false }
        let romanised = LatinSpellings.romanised(of: name)
        if self.protectsWords(of: name) || romanised.map(self.protectsWords) == true { return true }
        guard !self.skeletons.isEmpty else { return false }
        // Another romanisation of a name written in Cyrillic ("Alexei Navalny" for "Алексей Навальный").
        let skeleton = LatinSpellings.skeleton(
            of: romanised ?? (name.utf8.allSatisfy { $0 < 0x80 } ? name : Self.fold(name))
        )
        return self.skeletons.contains { $0.isSubset(of: skeleton) }
    }

    /// Whether the words of `name`, as written, include every word of some protected name.
    private func protectsWords(of name: String) -> Bool {
        // Only the words some protected name has can complete one: most lines have too few to look further.
        var words: [String] = []
        Self.forEachWord(of: name, runTogetherWhen: self.oneWordLengths.contains) {
            if self.protectedWords.contains($0) { words.append($0) }
        }
        guard words.count >= self.fewestWords else { return false }
        words.sort()
        var distinct: [String] = []
        distinct.reserveCapacity(words.count)
        for word in words where distinct.last != word { distinct.append(word) }
        return distinct.count >= self.fewestWords && self.protectsName(distinct)
    }

    /// Whether `contact` is at risk, or shares a name, email address or phone number with a contact who is.
    public func protects(_ contact: ContactPerson) -> Bool {
        contact.atRisk
            || self.protects(name: contact.fullName, email: contact.email?.address, phone: contact.phone?.e164)
    }

    /// The most words of a name whose every subset is looked up: 255 look-ups at most, however
    /// many people are at risk.
    private static let subsetLimit = 8

    /// Whether every word of some protected name is among `sorted`, a name's distinct words in order.
    private func protectsName(_ sorted: [String]) -> Bool {
        guard sorted.count <= Self.subsetLimit else {
            let words = Set(sorted)
            return self.wordSets.contains { $0.isSubset(of: words) }
        }
        // Each subset's key is built in one reused buffer: a sheet checks every line, and most
        // keys fit in a string without an allocation of its own.
        var key: [UInt8] = []
        key.reserveCapacity(64)
        for mask in 1..<(1 << sorted.count) where mask.nonzeroBitCount >= self.fewestWords {
            key.removeAll(keepingCapacity: true)
            for (index, word) in sorted.enumerated() where mask & (1 << index) != 0 {
                if !key.isEmpty { key.append(UInt8(ascii: " ")) }
                key.append(contentsOf: word.utf8)
            }
            if self.names.contains(String(decoding: key, as: UTF8.self)) { return true }
        }
        return false
    }

    /// Every word set a protected name is kept as: its ``spellings(of:)``, those of its
    /// ``shortened(_:)`` forms, and the same in Latin letters.
    package static func protectedSpellings(of name: String) -> [Set<String>] {
        Self.protectedSpellings(of: name, latin: LatinSpellings.protectedSpellings(of: name))
    }

    /// The same, with the name's ``LatinSpellings/protectedSpellings(of:)`` made already.
    private static func protectedSpellings(of name: String, latin: [String]) -> [Set<String>] {
        var result: [Set<String>] = []
        // Every character of a Chinese, Japanese or Korean name is a word already, and so is
        // each syllable of its romanisation: none of them is a title or an initial.
        let shortens = !name.contains(where: Self.isWrittenWithoutSpaces)
        for source in [name] + latin {
            for form in [source] + (shortens ? Self.shortened(source) : []) {
                for words in Self.spellings(of: form) where !words.isEmpty && !result.contains(words) {
                    result.append(words)
                }
            }
        }
        return result
    }

    /// Titles and degrees written beside a name, folded: they do not tell one person from another.
    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "dra", "prof", "professor", "sir", "dame", "rev", "revd", "hon",
        "mme", "mlle", "sra", "srta", "herr", "frau", "jr", "phd", "md", "esq", "msc", "llm",
    ]

    /// Words that join a given name to a surname in many languages: not a name's word of their own.
    private static let particles: Set<String> = [
        "de", "da", "das", "do", "dos", "di", "del", "della", "du", "des", "la", "le", "van", "von", "der", "den",
        "ter", "ten", "bin", "ben", "ibn", "bint", "al", "el", "abu", "y", "e",
    ]

    /// The name as it may also be entered: without titles, degrees, single-letter initials and
    /// what brackets hold ("Dr. Lucica M. Humenuc, PhD (SIRDO)" is "Lucica Humenuc"), and, of
    /// three words or more, by its first and last word ("Lucica Maria Humenuc"), or its first two
    /// when a comma follows the first ("Humenuc, Lucica Maria"). None that would leave fewer than
    /// two words (one word would stand for everyone who bears it).
    private static func shortened(_ name: String) -> [String] {
        var outside = ""
        var depth = 0
        for character in name {
            if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                outside.append(character)
                continue
            }
            outside.append(" ")
        }
        let tokens = outside.split(whereSeparator: \.isWhitespace)
        let surnameFirst = tokens.first?.hasSuffix(",") ?? false
        let kept = tokens.map(String.init).filter { token in
            let key = String(Self.fold(token).filter { $0.isLetter || $0.isNumber })
            return !key.isEmpty && !Self.titles.contains(key) && !(key.count == 1 && key.first?.isASCII == true)
        }
        // "de", "van der" or "bin" beside a surname does not make a second word of a name.
        guard kept.count(where: { !Self.particles.contains(String(Self.fold($0).filter(\.isLetter))) }) >= 2 else {
            return []
        }
        var forms: [String] = []
        if kept.count < tokens.count || outside != name { forms.append(kept.joined(separator: " ")) }
        if kept.count >= 3 {
            forms.append(surnameFirst ? "\(kept[0]) \(kept[1])" : "\(kept[0]) \(kept[kept.count - 1])")
        }
        return forms
    }

    /// The name's words, folded, with each word joined by an apostrophe or a hyphen also whole:
    /// "Ｌｕｃｉｃａ Humenuc-Pop" is ["lucica", "humenuc", "pop", "humenucpop"].
    package static func words(of name: String) -> Set<String> {
        var words: Set<String> = []
        Self.forEachWord(of: name, runTogetherWhen: { _ in true }, { words.insert($0) })
        return words
    }

    /// The word sets a protected name is written as: each word joined by an apostrophe or a
    /// hyphen apart or whole, so that "Siobhán O'Brien" protects "Siobhan OBrien" and
    /// "Siobhan O Brien" alike.
    package static func spellings(of name: String) -> [Set<String>] {
        var compounds: [[String]] = []
        Self.forEachPart(of: name) { part, joined in
            if joined, !compounds.isEmpty {
                compounds[compounds.count - 1].append(part)
            } else {
                compounds.append([part])
            }
        }
        // Every mix of apart and whole for up to three such words; beyond, all apart or all whole.
        let mixed = compounds.count(where: { $0.count > 1 }) <= 3
        var spellings: [Set<String>] = mixed ? [[]] : [[], []]
        for parts in compounds {
            if parts.count == 1 {
                spellings = spellings.map { $0.union(parts) }
            } else if mixed {
                spellings = spellings.flatMap { [$0.union(parts), $0.union([parts.joined()])] }
            } else {
                spellings = [spellings[0].union(parts), spellings[1].union([parts.joined()])]
            }
        }
        spellings += Self.runTogether(compounds.map { $0.joined() }).map { [$0] }
        return spellings
    }

    /// The whole name run together in any order ("LucicaHumenuc", "HumenucLucica") for a name of
    /// two or three words, when it is long enough not to be another person's first name ("Li Na"
    /// is not "Lina"); none for other names.
    private static func runTogether(_ words: [String]) -> [String] {
        guard (2...3).contains(words.count), words.reduce(0, { $0 + $1.count }) >= 8 else { return [] }
        let orders =
            words.count == 2
            ? [[0, 1], [1, 0]] : [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        return orders.map { order in order.map { words[$0] }.joined() }
    }

    /// Calls `body` with each folded word of the name, in order, repeats included, and after the
    /// parts of a word joined by an apostrophe or a hyphen, with the whole word; last, with the
    /// name run together in each order ``spellings(of:)`` protects, when `runTogetherWhen` accepts
    /// its length in bytes (a sheet checks every line: most lengths cannot match).
    private static func forEachWord(
        of name: String,
        runTogetherWhen lengthMayMatch: (Int) -> Bool,
        _ body: (String) -> Void
    ) {
        var whole = ""
        var parts = 0
        // The name's first three words, each joined by an apostrophe or a hyphen whole; kept
        // apart rather than in an array so that a line allocates nothing for them.
        var (first, second, third) = ("", "", "")
        var (count, bytes) = (0, 0)
        // Letters spaced out ("H u m e n u c"): three words or more of one letter in a row, also whole.
        var (spaced, spacedLetters) = ("", 0)
        func endSpaced() {
            if spacedLetters >= 3 { body(spaced) }
            (spaced, spacedLetters) = ("", 0)
        }
        Self.forEachPart(of: name) { part, joined in
            if !joined, part.unicodeScalars.count == 1, let letter = part.first, !Self.isWrittenWithoutSpaces(letter) {
                spaced += part
                spacedLetters += 1
            } else {
                endSpaced()
            }
            if joined {
                whole += part
                parts += 1
            } else {
                if parts > 1 { body(whole) }
                whole = part
                parts = 1
                count += 1
            }
            bytes += part.utf8.count
            switch count {
            case 1: first += part
            case 2: second += part
            case 3: third += part
            default: break
            }
            body(part)
        }
        if parts > 1 { body(whole) }
        endSpaced()
        guard (2...3).contains(count), lengthMayMatch(bytes) else { return }
        for spelling in Self.runTogether(count == 2 ? [first, second] : [first, second, third]) { body(spelling) }
    }

    /// Calls `body` with each folded word of the name, in order, and whether one apostrophe,
    /// hyphen, dot or underscore joins it to the word before ("O'Brien", "Jean-Pierre", "L.u.c.i.c.a").
    private static func forEachPart(of name: String, _ body: (String, Bool) -> Void) {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            var word = ""
            var (joined, joinerSeen) = (false, false)
            func flush() {
                if !word.isEmpty { body(word, joined) }
                word = ""
            }
            for character in Self.fold(name) {
                guard character.isLetter || character.isNumber else {
                    joinerSeen = !word.isEmpty && Self.joiners.contains(character)
                    flush()
                    continue
                }
                // Chinese, Japanese and Korean names are written with or without a space between
                // family and given name: each of their characters counts as a word.
                if Self.isWrittenWithoutSpaces(character) {
                    flush()
                    body(String(character), false)
                    joinerSeen = false
                    continue
                }
                // Letters then digits ("Humenuc1", from a footnote mark "Humenuc¹") are two parts of one word.
                if let last = word.last, last.isNumber != character.isNumber {
                    flush()
                    joinerSeen = true
                }
                if word.isEmpty { (joined, joinerSeen) = (joinerSeen, false) }
                word.append(character)
            }
            flush()
            return
        }
        // Plain ASCII, a byte at a time: every line of a sheet comes through here.
        var word: [UInt8] = []
        var (joined, joinerSeen) = (false, false)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                if let last = word.last, Self.isDigit(last) != Self.isDigit(byte) {
                    body(String(decoding: word, as: UTF8.self), joined)
                    word.removeAll(keepingCapacity: true)
                    joinerSeen = true
                }
                if word.isEmpty { (joined, joinerSeen) = (joinerSeen, false) }
                word.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            default:
                joinerSeen = !word.isEmpty && Self.asciiJoiners.contains(byte)
                if !word.isEmpty { body(String(decoding: word, as: UTF8.self), joined) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { body(String(decoding: word, as: UTF8.self), joined) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// What joins the parts of one name: apostrophes and hyphens, and the dots and underscores
    /// that spell a name out ("L.u.c.i.c.a", "Lu_cica") without a space.
    private static let joiners: Set<Character> = [
        "'", "\u{2018}", "\u{2019}", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", ".", "_", "\u{2024}",
    ]

    /// The joiners that are ASCII, as bytes, for names read a byte at a time.
    private static let asciiJoiners = Set(Self.joiners.compactMap(\.asciiValue))

    /// Han ideographs, kana and Hangul syllables.
    private static func isWrittenWithoutSpaces(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
            0x20000...0x3134F:
            return true
        default: return false
        }
    }

    /// Letters of other scripts shaped like a Latin one, in the case they are written in (a
    /// Greek capital Η reads H, its small η reads n): a name typed with a Cyrillic "а" reads as
    /// the same name, and a sign-on form is open to anyone. Cyrillic, Greek, Armenian, Cherokee,
    /// Lisu and Latin small capitals; mapped before case is folded.
    private static let latinLookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "А": "A", "В": "B", "Е": "E", "Ѕ": "S", "І": "I", "Ј": "J", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "Һ": "H", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "Ү": "Y", "а": "a",
        "в": "b", "е": "e", "ѕ": "s", "і": "i", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y", "Α": "A", "Β": "B",
        "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y",
        "Χ": "X", "Ϲ": "C", "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "Օ": "O", "Ս": "U", "օ": "o", "ս": "u", "ց": "g", "հ": "h",
        "ո": "n", "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭰ": "D", "Ꭼ": "E", "Ꮐ": "G", "Ꮋ": "H", "Ꭵ": "i", "Ꭻ": "J", "Ꮶ": "K",
        "Ꮮ": "L", "Ꮇ": "M", "Ꮲ": "P", "Ꭱ": "R", "Ꮪ": "S", "Ꭲ": "T", "Ꮩ": "V", "Ꮃ": "W", "Ꮤ": "W", "Ꮓ": "Z", "ꓐ": "B",
        "ꓚ": "C", "ꓓ": "D", "ꓰ": "E", "ꓝ": "F", "ꓖ": "G", "ꓧ": "H", "ꓲ": "I", "ꓙ": "J", "ꓗ": "K", "ꓡ": "L", "ꓟ": "M",
        "ꓠ": "N", "ꓳ": "O", "ꓑ": "P", "ꓣ": "R", "ꓢ": "S", "ꓔ": "T", "ꓴ": "U", "ꓦ": "V", "ꓪ": "W", "ꓫ": "X", "ꓬ": "Y",
        "ꓜ": "Z", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j",
        "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v",
        "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
        // Latin letters of other alphabets, and Cyrillic, Coptic, Canadian syllabic and Tai Le
        // letters, shaped like a plain Latin one.
        "ɑ": "a", "ɩ": "i", "ʋ": "u", "ꭎ": "u", "ꙇ": "i", "ҽ": "e", "ⲥ": "c", "Ⲥ": "C", "Ⲏ": "H", "ⲏ": "h",
        "Ⳑ": "L", "ⳑ": "l", "Ⲟ": "O", "ⲟ": "o", "Ⲣ": "P", "ⲣ": "p", "Ⲭ": "X", "ⲭ": "x", "Ⲁ": "A", "ⲁ": "a",
        "ᒪ": "L", "ᕼ": "H", "ᑕ": "C", "ᗪ": "D", "ᑭ": "P", "ᑌ": "U", "ᐯ": "V", "ᗯ": "W", "ᥙ": "u", "ᥒ": "n",
        "ᗰ": "M", "ᑎ": "N", "ᗴ": "E", "Ⲙ": "M", "ⲙ": "m", "Ϻ": "M", "ϻ": "m", "ᥱ": "e", "ᥲ": "a", "ᛁ": "I",
        "ᚺ": "H", "ᛖ": "M", "ⵏ": "I",
        // Latin letters with a hook, a belt or a middle tilde, which no decomposition removes, the
        // dental click shaped like an l, and signs shaped like letters.
        "ɫ": "l", "ɭ": "l", "ɬ": "l", "ȴ": "l", "ᶅ": "l", "ǀ": "l", "ɱ": "m", "ɳ": "n", "ƞ": "n", "ɲ": "n",
        "ƈ": "c", "ɕ": "c", "ꞔ": "c", "ɦ": "h", "Ⱨ": "H", "ⱨ": "h", "Ꜧ": "H", "ꜧ": "h", "ɒ": "a", "¡": "i",
        "¢": "c", "\u{212E}": "e",
    ]

    /// Letters that no decomposition takes to the plain letter people type instead.
    private static let plainLetters: [Unicode.Scalar: String] = [
        "ı": "i", "ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ŧ": "t", "ƚ": "l", "ð": "d", "æ": "ae", "œ": "oe",
        // Letters with a stroke or bar (lower case: folding has mapped the capitals to these).
        "ⱥ": "a", "ƀ": "b", "ȼ": "c", "ꞓ": "c", "ɇ": "e", "ǥ": "g", "ꞡ": "g", "ɨ": "i", "ᵻ": "i", "ɉ": "j",
        "ꝁ": "k", "ꞣ": "k", "ꞥ": "n", "ɵ": "o", "ᵽ": "p", "ꝑ": "p", "ꝗ": "q", "ɍ": "r", "ꞧ": "r", "ꞩ": "s",
        "ʉ": "u", "ᵾ": "u", "ɏ": "y", "ƶ": "z", "ꝉ": "l", "ꝟ": "v", "ꝃ": "k", "ꝅ": "k", "ꝙ": "q", "ꝋ": "o",
        "ɟ": "j",
        // Catalan's ŀ decomposes to l and a middle dot, which reads as nothing inside a word.
        "\u{00B7}": "",
        // The modifier letter apostrophe is a letter to Unicode, an apostrophe to the reader.
        "\u{02BC}": "'",
    ]

    /// Case, accents and width folded away, and what does not change how a name reads: invisible
    /// format characters (a soft hyphen, a zero-width joiner, a direction mark), combining marks
    /// (Arabic and Hebrew vowel signs included), the Arabic tatweel. Letters such as ł, đ, ø and
    /// the dotless ı become their plain letters, and digits of any script ASCII ones.
    private static func fold(_ text: String) -> String {
        // ASCII has nothing to decompose, no mark and no look-alike: it folds to its lower case,
        // without Foundation's folding, which a sheet would otherwise pay for every word of a
        // protected name.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // Decomposed, so that every mark can be dropped (a half-width ﾀﾞ is タ and a mark, as ダ
        // is once decomposed), then composed again for Hangul syllables.
        var lookalikes = String.UnicodeScalarView()
        lookalikes.append(
            contentsOf: text.unicodeScalars.map { Self.marks.contains($0) ? " " : Self.latinLookalikes[$0] ?? $0 }
        )
        let folded = String(lookalikes).decomposedStringWithCompatibilityMapping.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
            locale: nil
        )
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark: continue
            default: break
            }
            if scalar == "\u{0640}" { continue }
            // Hangul fillers are letters that print as nothing or a space, the blank Braille
            // pattern a symbol that prints as a space: each joins the parts it stands between, so
            // the name matches apart and whole ("Luc\u{3164}ica" is "Lucica"; "Li\u{3164}Wu" is "Li Wu").
            if Self.blanks.contains(scalar) {
                scalars.append(".")
            } else if scalar.properties.isDefaultIgnorableCodePoint {
                continue
            } else if let plain = Self.plainLetters[scalar] {
                scalars.append(contentsOf: plain.unicodeScalars)
            } else if let latin = Self.latinLookalikes[scalar] {
                // A look-alike that decomposing an accented letter left (ё is е and a mark).
                scalars.append(latin)
            } else if scalar.properties.numericType == .decimal,
                let value = scalar.properties.numericValue.flatMap({ UInt8(exactly: $0) }), value < 10
            {
                scalars.append(Unicode.Scalar(UInt8(ascii: "0") + value))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Marks written beside a name that compatibility folding would make letters of: ordinal
    /// indicators and trade marks (`Humenucª`, `Humenuc™`). They part words, as a space does.
    private static let marks: Set<Unicode.Scalar> = ["\u{00AA}", "\u{00BA}", "\u{2120}", "\u{2121}", "\u{2122}"]

    private static let blanks: Set<Unicode.Scalar> = ["\u{115F}", "\u{1160}", "\u{3164}", "\u{FFA0}", "\u{2800}"]

    /// An email address as compared: case and width folded (`Ｓecret@Example.org` is
    /// `secret@example.org`), and as the mailbox it reaches: without a `+tag`, and for Gmail
    /// without dots (`lucica.humenuc+sign@googlemail.com` is `lucicahumenuc@gmail.com`).
    static func emailKey(_ email: String) -> String {
        // Plain ASCII has nothing to fold but case: a sheet checks every line's address.
        var lowered: String
        if email.utf8.allSatisfy({ $0 < 0x80 }) {
            lowered = email.lowercased()
        } else {
            // Invisible characters (a zero-width space) do not make another address to the eye.
            var scalars = String.UnicodeScalarView()
            for scalar in email.precomposedStringWithCompatibilityMapping.unicodeScalars
            where !scalar.properties.isDefaultIgnorableCodePoint {
                scalars.append(scalar)
            }
            lowered = String(scalars).lowercased()
        }
        return lowered.withUTF8(Self.mailbox)
    }

    /// The mailbox a lower-cased address reaches, read on its UTF-8 bytes: `@`, `+` and `.` are
    /// ASCII, and no byte of another character is.
    private static func mailbox(_ address: UnsafeBufferPointer<UInt8>) -> String {
        guard let at = address.lastIndex(of: UInt8(ascii: "@")) else { return String(decoding: address, as: UTF8.self) }
        var local = address[..<at]
        if let plus = local.firstIndex(of: UInt8(ascii: "+")), plus != local.startIndex { local = local[..<plus] }
        let domain = address[(at + 1)...]
        guard domain.elementsEqual("gmail.com".utf8) || domain.elementsEqual("googlemail.com".utf8) else {
            return String(decoding: address[..<local.endIndex], as: UTF8.self)
                + String(decoding: address[at...], as: UTF8.self)
        }
        return String(decoding: local.filter { $0 != UInt8(ascii: ".") }, as: UTF8.self) + "@gmail.com"
    }

    /// The last eight digits, which a country code, a trunk "(0)" or spacing do not change.
    static func phoneKey(_ phone: String) -> String? {
        // Stored numbers are ASCII (E.164): their digits are read a byte at a time.
        guard phone.utf8.allSatisfy({ $0 < 0x80 }) else {
            let digits = Self.fold(phone).filter(\.isNumber)
            return digits.isEmpty ? nil : String(digits.suffix(8))
        }
        let digits = phone.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return digits.isEmpty ? nil : String(decoding: digits.suffix(8), as: UTF8.self)
    }
}
