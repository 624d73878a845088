import Foundation

/// How a sign-on file's header asks about naming the signer: consent is read only from a
/// column whose "yes" plainly means "you may name me".
///
/// A header found by its words ("Consent to publish", "May we publish your name") must hold
/// nothing but the words of such a question; one that says more ("Publication refused",
/// "Publish after review") is not guessed at. A header the user maps to consent must not ask
/// the other way round ("Do not publish my name"). And a column left unread must not ask to
/// leave the signer unnamed ("Anonymous signature", "Keep my name private"), since its answers
/// would be lost while another column or `--consent` names everyone.
///
/// ```swift
/// ConsentHeader.isPlainQuestion("May we publish your name?")   // true
/// ConsentHeader.asksAgainst("Ne pas publier mon nom")           // true
/// ```
enum ConsentHeader {
    /// Whether every word of the header belongs to a plain question for consent.
    static func isPlainQuestion(_ header: String) -> Bool {
        Self.words(of: header).allSatisfy(Self.plain.contains)
    }

    /// Whether the header asks not to name the signer, or names a condition: its "yes" would
    /// not consent. An answer hint such as "(yes/no)" is no negation.
    static func asksAgainst(_ header: String) -> Bool {
        let words = Self.words(of: header)
        let hinted = words.contains(where: YesNo.yes.contains)
        return words.contains {
            Self.against.contains($0) && !(hinted && YesNo.no.contains($0)) || Self.unnamed.contains($0)
        }
    }

    /// Whether a column nobody reads may ask to leave the signer unnamed: it speaks against
    /// naming, and of a name, a signature or publishing.
    static func mayAskToStayUnnamed(_ header: String) -> Bool {
        let words = Self.words(of: header)
        // A discretion word alone may name a topic ("Private notes", "Anonymous feedback"): it
        // counts when every other word belongs to a question about naming ("Keep private").
        let known = words.allSatisfy(Self.known.contains)
        return known && words.contains(where: Self.unnamed.contains)
            || known
                && zip(words, words.dropFirst()).contains {
                    ["opt", "leave", "keep"].contains($0) && ["out", "off"].contains($1)
                }
            || Self.asksAgainst(header) && words.contains(where: Self.naming.contains)
    }

    /// Whether a column nobody reads may ask whether the signer may be named ("Public?", "Be
    /// listed?", "Include our name?"): its "no" answers would be lost as well.
    static func mayAskToBeNamed(_ header: String) -> Bool {
        let words = Self.words(of: header)
        // "Public sector" and "Credit card" speak of something else.
        guard !words.isEmpty, words.allSatisfy(Self.known.contains) else { return false }
        return words.contains(where: Self.visibility.contains)
            || header.contains("?") && words.contains(where: Self.namingQuestion.contains)
    }

    /// Whether a header guessed to be a name's column by a word it holds ("Show name", "Display
    /// our logo and name") rather asks whether the signer may be shown: its answers would be
    /// printed as names. Where a name appears ("as it should appear in the statement") is no such question.
    static func asksToShow(_ header: String) -> Bool {
        let words = Self.words(of: header)
        return words.allSatisfy(Self.known.contains)
            && words.contains { Self.visibility.contains($0) && $0 != "appear" }
    }

    /// Whether a header read as the `at-risk` column may ask the other way round, so that its
    /// "no" would mean at risk: it speaks of safety ("Are you safe?", "Security concerns?",
    /// "¿Se siente seguro?") or holds a negation ("No risk?", "Sans risque ?", "Free from threats?").
    /// An answer hint such as "(yes/no)" is no negation.
    static func asksRiskUnclearly(_ header: String) -> Bool {
        let words = Self.words(of: header)
        let hinted = words.contains(where: YesNo.yes.contains)
        return words.contains { word in
            ["safe", "secur", "segur"].contains(where: word.contains)
                || (Self.against.contains(word) || ["free", "ok", "okay"].contains(word))
                    && !(hinted && YesNo.no.contains(word))
        }
    }

    /// The header's words, folded, in their compatibility forms (full-width letters are letters);
    /// "don't" is one word, and "KeepPrivate" two.
    private static func words(of header: String) -> [String] {
        var spaced = ""
        var previous: Character?
        for character in header.precomposedStringWithCompatibilityMapping
        where character != "'" && character != "\u{2019}" {
            if let previous, previous.isLowercase, character.isUppercase { spaced.append(" ") }
            spaced.append(character)
            previous = character
        }
        return spaced.split { !$0.isLetter && !$0.isNumber }.map { SignOnField.fold(String($0)) }
    }

    /// The words of "May we publish your name?", "Consent to publication (yes/no)",
    /// "Autorisation de publier votre nom" and their like.
    private static let plain: Set<String> = [
        // English
        "consent", "consents", "consenting", "to", "be", "publish", "published", "publishing", "publication",
        "publicly", "agree", "agreed", "agreement", "may", "can", "we", "you", "your", "our", "my", "i", "name",
        "names", "named", "in", "the", "this", "statement", "of", "as", "a", "an", "signatory", "signatories",
        "signature", "list", "listed", "on", "and", "for", "permission", "authorisation", "authorization",
        "approval", "ok", "tick", "or", "yes", "no", "do", "does", "organisation", "organization", "s",
        // French
        "consentement", "de", "la", "le", "du", "des", "nom", "votre", "notre", "mon", "autorisation", "accord",
        "publier", "pouvons", "nous", "peut", "etre", "nomme", "nommee", "acceptez", "accepte", "vous",
        "je", "oui", "non", "l", "d", "cocher", "ou", "pour", "les", "sur", "en",
        // Spanish and Portuguese
        "consentimiento", "consentimento", "publicacion", "publicacao", "del", "da", "nombre", "nome", "su",
        "sua", "seu", "autorizacion", "autorizacao", "publicar", "podemos", "acepta", "aceita", "usted", "nuestro",
        "nosso", "si", "sim", "nao", "o", "el", "se", "para", "los", "las", "al", "os",
    ]

    /// Words that refuse, object, hide or set a condition, in the languages headers are read in.
    private static let against: Set<String> = [
        "not", "dont", "no", "non", "never", "ne", "pas", "nunca", "nao", "jamais", "nein", "without", "sans",
        "sin", "sem", "anonymous", "anonymously", "anonymity", "anonyme", "anonymement", "anonymat", "anonimo",
        "anonima", "anonimamente", "anonimato", "optout", "out", "withhold", "withheld", "hide",
        "hidden", "private", "privately", "prive", "privee", "privado", "privada", "confidential",
        "confidentially", "confidentiel", "confidentielle", "confidencial", "pseudonym", "pseudonymously",
        "except", "sauf", "excepto", "salvo", "unless", "refuse", "refused", "refusal", "refus", "refusee",
        "decline", "declined", "object", "objection", "oppose", "opposed", "opposition", "moppose", "against",
        "contre", "contra", "veto", "block", "stop", "prevent", "avoid", "restrict", "restricted", "postpone",
        "delay", "delayed", "embargo", "unsubscribe", "unpublished", "nonpublication", "after", "review",
        "blank", "untick", "leave", "masquer", "cacher", "ocultar", "omit", "exclude", "excluded", "redact",
        "redacted", "only", "seulement", "solo", "rechazo", "denegada", "denegado", "recusa", "recusada",
        "recusado", "opongo", "oposicion", "lanonymat", "initials", "initiales", "iniciales", "iniciais",
        "incognito", "secret", "sigilo", "sigilosa", "sigiloso", "off", "remove", "protect", "protected",
        "protection", "hors", "conceal", "masked", "discreet",
    ]

    /// Words that speak of leaving the signer unnamed on their own.
    private static let unnamed: Set<String> = [
        "anonymous", "anonymously", "anonymity", "anonyme", "anonymement", "anonymat", "lanonymat", "anonimo",
        "anonima", "anonimamente", "anonimato", "unpublished", "nonpublication", "pseudonym", "pseudonymously",
        "pseudonyme", "seudonimo", "pseudonimo", "unnamed", "initials", "initiales", "iniciales", "iniciais",
        // Words that ask for discretion: a column headed by one alone ("Keep private", "Hide",
        // "Confidencial", "Sigilo") may hold the answers of those who asked not to be named.
        "private", "privately", "prive", "privee", "privado", "privada", "confidential", "confidentially",
        "confidentiel", "confidentielle", "confidencial", "incognito", "secret", "sigilo", "sigilosa",
        "sigiloso", "hide", "hidden", "optout", "withhold", "withheld", "anon", "uncredited", "nameless",
        "unlisted", "discreet", "discretion", "discrete", "conceal", "concealed", "masked", "redacted",
        "confidence", "confidentiality", "confidentialite", "confidencialidad", "confidencialidade",
        "masquer", "masque", "masquee", "cacher", "ocultar", "oculto", "oculta", "esconder", "secreto",
        "secreta", "segredo", "reservado", "reservada", "anonymise", "anonymize", "anonymised", "anonymized",
        "anonymisation", "anonymization", "quiet", "quietly", "silent", "secrecy", "embargoed", "exclude",
        "excluded", "omit", "omitted", "cache", "cachee",
        // A column for the coalition's eyes only ("Internal only") keeps the signer off the list.
        "internal", "internally", "interne", "interno", "interna",
    ]

    /// Words that speak of showing the signer to others: a column left unread that holds one may
    /// ask whether the signer may be named, and its answers would be lost.
    private static let visibility: Set<String> = [
        "publish", "published", "publishing", "publication", "public", "publicly", "listed", "listing",
        "credit", "credited", "attribution", "display", "displayed", "appear", "mention", "mentioned",
        "disclose", "disclosed", "cite", "cited", "visible", "visibility", "publier", "publie", "publique",
        "diffuser", "divulguer", "afficher", "citer", "mentionner", "publicar", "publicacion",
        "publico", "publica", "mostrar", "difundir", "mencionar", "nombrar", "divulgar", "publicacao",
        "show", "share", "shared",
    ]

    /// Words of a name, a signature or publishing.
    private static let naming: Set<String> = [
        "name", "names", "named", "naming", "nom", "nommer", "nomme", "nombre", "nome", "sign", "signed",
        "signature", "signatory", "signing", "firma", "firmar", "assinatura", "assinar", "identity", "identite",
        "identidad", "identidade", "publish", "published", "publication", "publier", "publicar", "publicacion",
        "publicacao", "list", "listed", "listing", "credit", "attribution", "me", "public", "publicly",
        "publique", "publico", "publica", "record", "share", "disclose", "mention", "show", "display",
        "include", "appear", "cite", "diffuser", "divulguer", "afficher", "citer", "mentionner", "mostrar",
        "difundir", "mencionar", "nombrar", "divulgar", "publicise", "publicize", "publicity", "post", "announce",
        "compartir", "compartilhar", "mencion", "mencao", "details", "information", "data", "contact",
    ]

    /// Words of a question about naming the signer ("Name us?", "Show our name?", "Include?").
    private static let namingQuestion: Set<String> = [
        "name", "names", "named", "nom", "nombre", "nome", "identity", "identite", "identidad", "identidade",
        "list", "listed", "credit", "attribution", "signatory", "signatories", "include", "included", "figurer",
        "apparaitre", "aparecer", "citar", "nommer", "record", "openly", "acknowledge", "acknowledged",
        "acknowledgement", "recognition", "use", "show", "share", "public", "publicly", "identify", "identified",
        "nominatif", "nominative", "nominativo", "credit",
    ]

    /// Words with no topic of their own, that a question about naming is made of.
    private static let fillers: Set<String> = [
        "keep", "it", "please", "my", "our", "the", "a", "an", "us", "we", "me", "be", "to", "of", "is", "are",
        "and", "or", "yes", "no", "you", "your", "can", "may", "will", "would", "should", "sign", "want",
        "like", "nous", "vous", "notre", "votre", "el", "la", "los", "las", "nuestro", "nosso", "quiet", "opt",
        "signer", "signers", "do", "does", "remain", "stay", "rester", "permanecer", "quedar", "ficar", "wish",
        "wishes", "wants", "request", "requested", "requests", "prefer", "preferred", "preference", "preferences",
        "safe", "okay", "fine", "logo", "website", "site", "web", "online", "on", "desea", "desean", "quiere",
        "quieren", "voulez", "souhaitez", "souhaite", "deseja", "quer", "how", "what", "como", "comment", "should",
    ]

    /// Every word a header about naming the signer may hold.
    private static let known: Set<String> = Self.plain.union(Self.against).union(Self.unnamed).union(Self.naming)
        .union(Self.visibility).union(Self.namingQuestion).union(Self.fillers)
}
