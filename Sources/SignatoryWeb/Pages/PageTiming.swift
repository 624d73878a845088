package import SignatoryDomain
package import SignatoryStore

/// The pages as the app renders them, without HTTP: what `Scripts/bench ui` times.
///
/// ```swift
/// let html = try PageTiming().statementPage(statement.id, in: store)
/// ```
package struct PageTiming: Sendable {
    private let renderer = PageRenderer()
    private let text = WebLanguage.english.text

    package init() {}

    package func statementPage(_ statement: ID<JointStatement>, in store: Store) throws -> String {
        try self.renderer.page("statement", in: store, chrome: self.chrome(store)) { store, text in
            try StatementPage(text: text, statement: statement, renderer: self.renderer).context(store)
        }
    }

    package func startPage(in store: Store) throws -> String {
        try self.renderer.page("start", in: store, chrome: self.chrome(store)) { store, text in
            (text["campaigns"], try StartPage(text: text).context(store))
        }
    }

    private func chrome(_ store: Store) -> Chrome {
        Chrome(text: self.text, officeName: store.office.name, csrfToken: String(repeating: "0", count: 64))
    }
}
