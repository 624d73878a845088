import HTTPTypes
import Hummingbird
import Logging
import SignatoryDomain
import SignatoryStore

/// Registers the hub's routes and remembers them, so a test can check each one against the
/// OpenAPI document. Paths are written as OpenAPI writes them: `/v1/statements/{id}`.
///
/// Routes under `/v1` are registered on a group whose ``SignedRequestAuthenticator`` admits
/// only requests signed by an enrolled office, before any handler runs.
final class RouteTable {
    private(set) var routes: [(method: String, path: String)] = []
    private let router: Router<HubRequestContext>
    private let signedGroup: RouterGroup<HubRequestContext>

    init(router: Router<HubRequestContext>, authenticator: SignedRequestAuthenticator) {
        self.router = router
        self.signedGroup = router.group("v1").add(middleware: authenticator)
    }

    /// A route anybody may call.
    func open(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ handler: @escaping @Sendable (Request, HubRequestContext) async throws -> Response
    ) {
        self.routes.append((method.rawValue, path))
        self.router.on(RouterPath(Self.routerPath(path)), method: method, use: handler)
    }

    /// A route under `/v1` for enrolled offices; the handler is given the office that signed.
    func signed(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ handler: @escaping @Sendable (Request, HubRequestContext, HubMember) async throws -> Response
    ) {
        precondition(path.hasPrefix("/v1/"), "signed routes live under /v1")
        self.routes.append((method.rawValue, path))
        let relative = Self.routerPath(String(path.dropFirst("/v1/".count)))
        self.signedGroup.on(RouterPath(relative), method: method) { request, context in
            try await handler(request, context, try context.requireMember())
        }
    }

    /// `/v1/statements/{id}` as Hummingbird writes it: `/v1/statements/:id`.
    private static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
        }.joined(separator: "/")
    }
}
