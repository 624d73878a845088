/// The interface's words in one language, looked up by key; templates read them as `{{t.key}}`.
struct WebText: Sendable {
    let language: WebLanguage
    let strings: [String: String]

    /// The text for `key`; the English one when this language lacks it, and the key itself when both do.
    subscript(key: String) -> String {
        self.strings[key] ?? WebText.english[key] ?? key
    }
}
