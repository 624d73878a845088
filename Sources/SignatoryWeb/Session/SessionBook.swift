import Crypto
import Foundation

/// The one-time sign-in token `signatory ui` prints, and the sessions it was traded for.
/// Held in memory only: restarting the app signs every browser out.
actor SessionBook {
    private var loginToken: String?
    private var sessions: [String: Session] = [:]
    /// Sign-on files previewed and awaiting confirmation, by upload id, per session.
    private var uploads: [String: PendingUpload] = [:]

    init(loginToken: String) {
        self.loginToken = loginToken
    }

    /// A new session for the holder of the sign-in token; `nil` when the token is wrong or used.
    func redeem(_ token: String) -> Session? {
        guard let expected = self.loginToken, Self.same(token, expected) else { return nil }
        self.loginToken = nil
        let session = Session(id: Self.randomToken(), csrfToken: Self.randomToken())
        self.sessions[session.id] = session
        return session
    }

    /// The token still to be traded; `nil` once a browser has signed in.
    func currentLoginToken() -> String? { self.loginToken }

    func session(_ id: String) -> Session? { self.sessions[id] }

    func keep(_ upload: PendingUpload) -> String {
        let id = Self.randomToken()
        // One preview awaits confirmation per session: a new upload replaces the last.
        self.uploads = self.uploads.filter { $0.value.session != upload.session }
        self.uploads[id] = upload
        return id
    }

    /// The upload previewed in `session`, taken so that it is imported once.
    func takeUpload(_ id: String, session: Session) -> PendingUpload? {
        guard let upload = self.uploads[id], upload.session == session.id else { return nil }
        self.uploads[id] = nil
        return upload
    }

    /// 32 random bytes as 64 hexadecimal digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
            .joined()
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        Array(SHA256.hash(data: Data(a.utf8))) == Array(SHA256.hash(data: Data(b.utf8)))
    }
}

/// A sign-on file between its preview and the coordinator's confirmation.
struct PendingUpload: Sendable {
    let session: String
    let statement: String
    let bytes: [UInt8]
    let options: ImportOptions
}
