import Foundation
import Hummingbird
public import Logging
import NIOCore
import SignatoryStore

/// `signatory ui`: the coordinator's pages over this office's database, on loopback only.
/// The address it prints carries a one-time token that a browser trades for a session cookie.
///
/// ```swift
/// let app = try WebApp(configuration: WebConfiguration(databasePath: "geneva.db"))
/// try await app.run { url in print("open \(url)") }   // http://127.0.0.1:PORT/login?token=…
/// ```
public struct WebApp: Sendable {
    public let configuration: WebConfiguration
    let routes: WebRoutes
    let logger: Logger

    public init(configuration: WebConfiguration, logger: Logger = Logger(label: "signatory.ui")) throws {
        try self.init(configuration: configuration, logger: logger, loginToken: SessionBook.randomToken())
    }

    /// An app whose sign-in token is `loginToken`, so that tests can sign in.
    init(configuration: WebConfiguration, logger: Logger, loginToken: String) throws {
        guard WebConfiguration.isLoopback(configuration.host) else { throw WebAppError.notLoopback(configuration.host) }
        self.configuration = configuration
        self.logger = logger
        self.routes = WebRoutes(
            database: try StoreActor(path: configuration.databasePath),
            sessions: SessionBook(loginToken: loginToken),
            renderer: PageRenderer(),
            configuration: configuration
        )
    }

    /// Serves until SIGTERM or SIGINT; `onListening` gets the sign-in address once listening.
    public func run(onListening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let token = await self.routes.sessions.currentLoginToken()
        try await self.application { base in onListening("\(base)/login?token=\(token ?? "")") }.runService()
    }

    /// The app as a Hummingbird application; `onListening` gets its base address, e.g. http://127.0.0.1:8080.
    func application(onListening: @escaping @Sendable (String) -> Void = { _ in }) -> some ApplicationProtocol {
        // "[::1]", as a URL writes it, binds as ::1.
        let host = self.configuration.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return Application(
            router: self.router(),
            // A connection that sends nothing for a minute is closed, so idle sockets cannot pile up.
            server: .http1(configuration: .init(idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(host, port: self.configuration.port), serverName: "signatory-ui"),
            onServerRunning: { channel in
                let shown = host.contains(":") ? "[\(host)]" : host
                onListening("http://\(shown):\(channel.localAddress?.port ?? 0)")
            },
            logger: self.logger
        )
    }

    func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: WebErrorMiddleware(renderer: self.routes.renderer))
        router.add(middleware: SessionMiddleware(sessions: self.routes.sessions))
        self.routes.register(in: router)
        return router
    }
}

/// Why `signatory ui` would not start.
public struct WebAppError: Error, Hashable, Sendable, CustomStringConvertible {
    private let host: String

    static func notLoopback(_ host: String) -> Self { Self(host: host) }

    public var description: String {
        "The web app serves this office's contacts without TLS, so it listens on this machine only "
            + "(127.0.0.1, ::1 or localhost), not on '\(self.host)'."
    }
}
