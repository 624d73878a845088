import Hummingbird

/// What the app knows about a request while answering it: the signed-in session (set by
/// ``SessionMiddleware``) and the interface language the browser asked for.
struct WebRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var session: Session?
    var language: WebLanguage = .english

    init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// The session; every route behind the sign-in has one.
    func requireSession() throws -> Session {
        guard let session = self.session else { throw WebError.signedOut }
        return session
    }
}
