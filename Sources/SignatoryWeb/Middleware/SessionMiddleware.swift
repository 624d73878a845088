import HTTPTypes
import Hummingbird

/// The gate in front of every page: a loopback `Host`, the language, the sign-in, and for
/// each POST a same-origin check. Forms then check their CSRF token (``WebForm``).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    static let cookieName = "signatory_session"

    let sessions: SessionBook

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.language = WebLanguage(acceptLanguage: request.headers[.acceptLanguage])
        guard Self.hostIsLoopback(request) else { throw WebError.wrongHost }
        if request.uri.path.hasPrefix("/static/") { return try await next(request, context) }
        if request.uri.path == "/login", request.method == .get { return try await self.login(request, context) }
        guard let cookie = request.cookies[Self.cookieName], let session = await self.sessions.session(cookie.value)
        else { throw WebError.signedOut }
        context.session = session
        if request.method != .get && request.method != .head {
            guard Self.isSameOrigin(request) else { throw WebError.crossOrigin }
        }
        return try await next(request, context)
    }

    /// `/login?token=…`: trades the one-time token for a session cookie, then shows the start page.
    private func login(_ request: Request, _ context: Context) async throws -> Response {
        guard let token = request.uri.queryParameters["token"].map(String.init),
            let session = await self.sessions.redeem(token)
        else { throw WebError.badLoginToken }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(
            Cookie(name: Self.cookieName, value: session.id, path: "/", httpOnly: true, sameSite: .strict)
        )
        return response
    }

    /// A loopback name and at most a port, nothing else: no user part, no stray characters, and
    /// one `Host` (a second one stays among the fields, and another server might read it).
    private static func hostIsLoopback(_ request: Request) -> Bool {
        guard let authority = request.head.authority,
            !request.headers.contains(where: { $0.name.canonicalName == "host" })
        else { return false }
        let host = Self.hostName(of: authority)
        let rest = authority.dropFirst(host.count)
        if !rest.isEmpty {
            guard rest.first == ":", (2...6).contains(rest.count),
                rest.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
                let port = Int(rest.dropFirst()), port <= 65_535
            else { return false }
        }
        return WebConfiguration.loopbackHosts.contains(host.lowercased())
    }

    /// "127.0.0.1:8080" → "127.0.0.1"; "[::1]:8080" → "[::1]".
    static func hostName(of authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[...end])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// A POST must come from the app's own pages: its `Origin` names the address the browser
    /// asked, or without one, the browser says it came from the same origin.
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin" { return false }
        guard let origin = request.headers[.origin] else {
            return request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "same-origin"
        }
        guard let authority = request.head.authority else { return false }
        return origin == "http://" + authority
    }
}
