import Foundation
import Hummingbird
import HummingbirdTLS
public import Logging
import NIOSSL
import SignatoryStore

/// The coalition's hub: an office of its own that relays every office's signed feed unchanged,
/// keeps the merged state, and serves it over HTTP.
///
/// ```swift
/// let hub = try HubServer(configuration: HubConfiguration(port: 8080, databasePath: "hub.db"))
/// try await hub.run { url in print("listening on \(url)") }
/// ```
public struct HubServer: Sendable {
    public let configuration: HubConfiguration
    let database: StoreActor
    /// A second connection for the reads that admit a request and answer the version vector:
    /// under WAL they see the last commit without queueing behind a batch of pushes being
    /// written, so pushes arriving meanwhile are read and checked in time to join the next batch.
    let lookups: StoreActor
    /// The bytes of push bodies held at once, shared by every request.
    let admission: PushAdmission
    let logger: Logger
    /// The hub's clock, against which signed requests' times are checked.
    let clock: @Sendable () -> Date

    public init(configuration: HubConfiguration, logger: Logger = Logger(label: "signatory.hub")) throws {
        try self.init(configuration: configuration, logger: logger, clock: { Date() })
    }

    /// A hub whose clock is `clock`, so that in-process tests control the time requests are judged by.
    init(configuration: HubConfiguration, logger: Logger, clock: @escaping @Sendable () -> Date) throws {
        self.configuration = configuration
        // A database `office recover` continued elsewhere serves nothing: its own feed forked.
        try Store.open(at: configuration.databasePath).refuseIfSucceeded()
        self.database = try StoreActor(path: configuration.databasePath)
        self.lookups = try StoreActor(path: configuration.databasePath)
        self.admission = PushAdmission(maximumBodyBytes: configuration.maximumBodyBytes)
        self.logger = logger
        self.clock = clock
    }

    /// Serves until SIGTERM or SIGINT, then stops taking connections and finishes the requests
    /// in flight (an accepted push is applied and answered) before returning.
    public func run(onListening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        try await self.application(onListening: onListening).runService()
    }

    /// The hub as a Hummingbird application, which tests can also drive without a network.
    func application(onListening: @escaping @Sendable (String) -> Void = { _ in }) throws -> some ApplicationProtocol {
        let (router, _) = self.makeRouter()
        // "[::1]", as a URL writes it, binds as ::1.
        let host = self.configuration.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let scheme = self.configuration.tls == nil ? "http" : "https"
        return Application(
            router: router,
            server: try self.configuration.tls.map {
                try .tls(.http1(), tlsConfiguration: try Self.tlsConfiguration($0))
            }
                ?? .http1(),
            configuration: .init(address: .hostname(host, port: self.configuration.port), serverName: "signatory-hub"),
            onServerRunning: { channel in
                // An IPv6 address is bracketed in a URL (RFC 3986), e.g. http://[::1]:8080.
                let shown = host.contains(":") ? "[\(host)]" : host
                onListening("\(scheme)://\(shown):\(channel.localAddress?.port ?? 0)")
            },
            logger: self.logger
        )
    }

    /// The server's TLS settings from its PEM files, or a ``HubError`` saying which file is wrong.
    static func tlsConfiguration(_ files: HubConfiguration.TLSFiles) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificateChain)
        } catch {
            throw HubConfigurationError.tlsFile(files.certificateChain, "it is not a readable PEM certificate file")
        }
        guard !chain.isEmpty else {
            throw HubConfigurationError.tlsFile(files.certificateChain, "it holds no certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: files.privateKey, format: .pem)
        } catch {
            throw HubConfigurationError.tlsFile(files.privateKey, "it is not a readable PEM private key")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(key)
        )
        configuration.minimumTLSVersion = .tlsv12
        // Checked now rather than at the first connection: the key must belong to the certificate.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw HubConfigurationError.tlsFile(
                files.privateKey,
                "it is not the key of the certificate in \(files.certificateChain)"
            )
        }
        return configuration
    }

    /// The routes as the OpenAPI document names them.
    package var routes: [(method: String, path: String)] { self.makeRouter().1 }

    /// The router with every route, and the routes as the OpenAPI document names them.
    func makeRouter() -> (Router<HubRequestContext>, [(method: String, path: String)]) {
        let router = Router(context: HubRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        let table = RouteTable(
            router: router,
            authenticator: SignedRequestAuthenticator(database: self.lookups, clock: self.clock)
        )
        OperationsRoutes().register(in: table)
        SyncRoutes(
            database: self.database,
            lookups: self.lookups,
            configuration: self.configuration,
            admission: self.admission
        )
        .register(in: table)
        ReadRoutes(database: self.database).register(in: table)
        ExportRoutes(database: self.database).register(in: table)
        return (router, table.routes)
    }
}
