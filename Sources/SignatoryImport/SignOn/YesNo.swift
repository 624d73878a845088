/// "Yes" and "no", folded, in the languages sign-on forms are read in: an answer's first word
/// and a header's answer hint ("Consent to publish (yes/no)") are told by the same words.
///
/// ```swift
/// YesNo.yes.contains(SignOnField.fold("Sí"))   // true
/// ```
enum YesNo {
    static let yes: Set<String> = ["yes", "oui", "si", "sim", "ja"]
    static let no: Set<String> = ["no", "non", "nao", "nein"]
}
