import Foundation
import SignatoryDomain

/// One row of a sign-on file, its values checked.
struct SignOnRow {
    let line: Int
    let organisationName: String
    let acronym: String?
    let country: CountryCode?
    let ecosoc: ECOSOCCategory?
    let icsoNumber: ICSONumber?
    let contactName: String?
    let title: String?
    let email: EmailAddress?
    let phone: PhoneNumber?
    /// Whether the organisation and its contact agreed to be named: the row's answer, else the
    /// import's `consent`, else no.
    let consent: Bool
    /// Whether the row says the contact is at risk; `nil` when it does not say.
    let atRisk: Bool?
    /// Optional values that could not be read and were left empty (outside a strict import).
    private(set) var warnings: [String] = []

    /// Reads a record; throws the reason a coordinator sees when a value is wrong. A wrong
    /// optional value is left empty with a warning, unless `strict`.
    init(
        _ record: CSVReader.Record,
        columns: SignOnColumns,
        countries: CountryNames,
        strict: Bool = false,
        consent defaultConsent: Bool? = nil
    ) throws(RowRejection) {
        func value(_ field: SignOnField) -> String? { columns.value(field, in: record.fields) }
        var warnings: [String] = []
        /// The value read, or `nil` with a warning when it cannot be read and the import is not strict.
        func readOptional<T>(_ field: SignOnField, _ read: (String) throws -> T) throws(RowRejection) -> T? {
            guard let text = value(field) else { return nil }
            do {
                return try read(text)
            } catch {
                let reason = (error as? RowRejection)?.description ?? "\(error)"
                if strict { throw RowRejection(reason) }
                warnings.append("\(reason); \(field.rawValue) left empty")
                return nil
            }
        }
        self.line = record.line
        // A value with an unquoted comma shifts the cells after it: none of them can be trusted,
        // even when the cell pushed past the last column is empty.
        if record.fields.count > columns.count {
            throw RowRejection(
                "the row has \(record.fields.count) values but the header line names \(columns.count) columns; "
                    + "a value holding the separator must be in double quotes"
            )
        }
        guard let name = value(.organisation) else { throw RowRejection("the organisation's name is empty") }
        self.organisationName = name
        self.acronym = value(.acronym)
        self.country = try readOptional(.country) { text in
            guard let code = countries.code(for: text) else {
                throw RowRejection("country '\(text)' is neither an ISO code such as FR nor a country name we know")
            }
            return code
        }
        self.ecosoc = try readOptional(.ecosoc) { text in try Self.ecosoc(text) }
        self.icsoNumber = try readOptional(.icsoNumber) { text in try ICSONumber(text) }
        self.contactName = value(.contactName)
        self.title = value(.title)
        self.email = try readOptional(.email) { text in try EmailAddress(text) }
        self.phone = try readOptional(.phone) { text in try PhoneNumber(text) }
        // Consent is never guessed: an answer that is neither yes nor no refuses the row.
        self.consent = try value(.consent).map(Self.consent) ?? defaultConsent ?? false
        let risks = columns.riskAnswers(in: record.fields)
        self.atRisk = risks.isEmpty ? nil : risks.contains(where: Self.atRisk)
        self.warnings = warnings
        if self.contactName == nil && (self.title != nil || self.email != nil || self.phone != nil) {
            throw RowRejection("the contact has a title, email or phone but no name; add the name")
        }
    }

    /// A row typed into a form rather than read from a file: what the matching needs.
    init(
        organisationName: String,
        acronym: String?,
        country: CountryCode?,
        icsoNumber: ICSONumber?,
        email: EmailAddress?
    ) {
        self.line = 0
        self.organisationName = organisationName
        self.acronym = acronym
        self.country = country
        self.ecosoc = nil
        self.icsoNumber = icsoNumber
        self.contactName = nil
        self.title = nil
        self.email = email
        self.phone = nil
        self.consent = false
        self.atRisk = nil
    }

    /// Any answer but a plain no, a cell holding nothing else: "yes", "maybe", "No?", "no ❌",
    /// a struck-out "N̶o̶" and "I'd rather not say" all mark the contact at risk, the safe way to be wrong.
    private static func atRisk(_ text: String) -> Bool {
        !Self.plainNoes.contains(text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    private static let plainNoes: Set<String> = [
        "no", "n", "non", "não", "nao", "nein", "false", "0", "none", "ninguno", "aucun", "nenhum",
    ]

    /// "Special consultative status", "ECOSOC special", "special" and the like.
    private static func ecosoc(_ text: String) throws(RowRejection) -> ECOSOCCategory {
        let folded = SignOnField.fold(text)
        // Most forms offer the bare words; a substring search is what a sign-on import spent
        // its time on among its own work.
        switch folded {
        case "general": return .general
        case "special": return .special
        case "roster": return .roster
        default: break
        }
        if folded.contains("general") { return .general }
        if folded.contains("special") || folded.contains("especial") { return .special }
        if folded.contains("roster") || folded.contains("liste") { return .roster }
        if ["none", "no", "non", "na", "nostatus", "ninguno", "aucun"].contains(folded) { return .none }
        throw RowRejection("ECOSOC status '\(text)' is not general, special, roster or none")
    }

    /// Yes in the usual ways ("yes", "Yes, we agree", "x", "oui", "sí", "true", "1"), or no.
    ///
    /// A longer answer counts by its first word: a no whatever follows ("No, thank you"); a yes
    /// only when every word after it merely agrees ("Yes, we agree", "Oui, j'accepte", "Sí, de
    /// acuerdo"). Any other word may take it back or attach a condition ("Yes, but not publicly",
    /// "Oui, sauf mon nom", "Yes, with initials"), so such an answer is neither. "No problem"
    /// and "no objection", alone or after a yes, agree ("Yes, no problem", "Oui, pas de problème").
    private static func consent(_ text: String) throws(RowRejection) -> Bool {
        let words = Self.agreeingNoObjection(Self.words(of: text))
        let refused = RowRejection("consent '\(text)' is neither yes nor no")
        guard let first = words.first else { throw refused }
        // A mark that no composed letter holds may strike a word out ("Y̶e̶s̶", "Yes⃠"); an
        // ASCII answer, the common case, holds none and is not normalised.
        guard
            text.utf8.allSatisfy({ $0 < 0x80 })
                || !text.precomposedStringWithCanonicalMapping.unicodeScalars.contains(where: {
                    Self.marks.contains($0.properties.generalCategory)
                })
        else { throw refused }
        // A sign beside the words ("Yes ❌", "Yes, publish?", "Yes (*)") may take them back.
        let punctuation: Set<Character> = [",", ".", "!", "'", "\u{2019}", "-", ";", ":", "(", ")"]
        guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0.isWhitespace || punctuation.contains($0) }) else {
            throw refused
        }
        if words.count == 1 || words == ["i", "agree"] {
            let word = words.joined()
            if YesNo.yes.contains(word) || ["y", "x", "true", "1", "agree", "iagree"].contains(word) { return true }
            if YesNo.no.contains(word) || ["n", "false", "0", "disagree"].contains(word) { return false }
            throw refused
        }
        if Self.noes.contains(first) { return false }
        let yes = YesNo.yes.contains(first) || first == "agree" || words.starts(with: ["i", "agree"])
        guard yes, words.dropFirst().allSatisfy(Self.agreeing.contains) else { throw refused }
        return true
    }

    private static let marks: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .spacingMark]

    /// The answer's words, folded, each with whether only spaces part it from the next word.
    private static func words(of text: String) -> [(word: String, spacedFromNext: Bool)] {
        var words: [(word: String, spacedFromNext: Bool)] = []
        var word = ""
        var onlySpaces = true
        for character in text {
            if character.isLetter || character.isNumber {
                if word.isEmpty && !words.isEmpty { words[words.count - 1].spacedFromNext = onlySpaces }
                word.append(character)
            } else {
                if !word.isEmpty {
                    words.append((SignOnField.fold(word), false))
                    word = ""
                    onlySpaces = true
                }
                // A line break is no space: a cell's first line may be all a reader sees ("No").
                // The Ogham space mark is a space that is drawn as a dash.
                let isSpace = character.unicodeScalars.allSatisfy {
                    $0 == "\t" || $0.properties.generalCategory == .spaceSeparator && $0 != "\u{1680}"
                }
                if !isSpace { onlySpaces = false }
            }
        }
        if !word.isEmpty { words.append((SignOnField.fold(word), false)) }
        return words
    }

    /// The answer's words with each "no problem" or "no objection" read as a yes: "Yes, no
    /// problem" is ["yes", "yes"], "Pas de problème, merci" is ["yes", "merci"]. Only words
    /// parted by spaces make the phrase: "No. Objection." and "No, problem" stay a no.
    private static func agreeingNoObjection(_ words: [(word: String, spacedFromNext: Bool)]) -> [String] {
        var read: [String] = []
        var rest = words[...]
        while let next = rest.first {
            let phrase = Self.noObjection.first { phrase in
                rest.count >= phrase.count
                    && zip(phrase, rest).enumerated().allSatisfy { index, pair in
                        pair.0 == pair.1.word && (index == phrase.count - 1 || pair.1.spacedFromNext)
                    }
            }
            if let phrase {
                read.append("yes")
                rest = rest.dropFirst(phrase.count)
            } else {
                read.append(next.word)
                rest = rest.dropFirst()
            }
        }
        return read
    }

    /// "No problem" and "no objection", folded, in the languages answers are read in.
    private static let noObjection: [[String]] = [
        ["no", "problem"], ["no", "problems"], ["no", "objection"], ["no", "objections"], ["pas", "de", "probleme"],
        ["aucun", "probleme"], ["sans", "probleme"], ["aucune", "objection"], ["sin", "problema"],
        ["ningun", "problema"], ["sin", "objecion"], ["sem", "problema"], ["sem", "problemas"],
        ["nenhum", "problema"], ["sem", "objecao"],
    ]

    /// First words that make an answer a no (one that starts "Only…" or "Without…" does not
    /// consent to all), in the languages headers are read in.
    private static let noes: Set<String> = YesNo.no.union([
        "not", "nicht", "never", "disagree", "dont", "don", "ne", "pas", "nunca",
        "jamais", "nope", "nah", "but", "mais", "pero", "mas", "except", "without", "sans", "sin", "sem",
        "anonymous", "anonymously", "anonyme", "anonymement", "anonimo", "anonima", "anonimamente", "only",
        "seulement", "solo", "unless", "if",
    ])

    /// Words that may follow a yes without changing it: agreeing, polite, or naming what is agreed to.
    private static let agreeing: Set<String> = [
        // English
        "yes", "i", "we", "agree", "agreed", "consent", "accept", "please", "of", "course", "sure", "certainly",
        "absolutely", "definitely", "happy", "glad", "to", "be", "named", "publish", "published", "publication",
        "ok", "okay", "fine", "thank", "thanks", "you", "and", "that", "is", "it", "s", "m", "re", "our", "my",
        "name", "names", "being", "listed", "publicly", "in", "the", "statement", "as", "a", "signatory", "signer",
        "cosigner", "co",
        // French
        "oui", "j", "je", "nous", "accepte", "acceptons", "accord", "d", "bien", "sur", "volontiers", "merci",
        "consens", "consentons", "mon", "notre", "nom", "publier", "publie",
        // Spanish and Portuguese
        "si", "sim", "de", "acuerdo", "acepto", "aceptamos", "claro", "por", "supuesto", "gracias", "concordo",
        "concordamos", "aceito", "aceitamos", "obrigado", "obrigada", "com", "certeza", "mi", "nuestro", "nombre",
        "acordo", "con", "gusto", "avec", "plaisir", "approved", "approve",
        "publicar", "publiquen", "meu", "nosso", "nome",
    ]
}

/// Why one row of a sign-on file was not imported.
struct RowRejection: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
