/// A browser signed in with the one-time token: its cookie value and its forms' CSRF token.
struct Session: Sendable, Hashable {
    let id: String
    let csrfToken: String
}
