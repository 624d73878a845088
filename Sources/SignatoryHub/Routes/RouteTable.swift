import HTTPTypes
import Hummingbird
import Logging
import SignatoryDomain
import SignatoryStore

/// Registers the hub's routes and remembers them, so a test can check each one against the
/// OpenAPI document. Paths are written as OpenAPI writes them: `/v1/statements/{id}`.
final class RouteTable: @unchecked Sendable {
    // Filled while the server is built, before it serves; read-only afterwards.
    private(set) var routes: [(method: String, path: String)] = []
    let router: Router<BasicRequestContext>
    let authenticator: SignedRequestAuthenticator

    init(router: Router<BasicRequestContext>, authenticator: SignedRequestAuthenticator) {
        self.router = router
        self.authenticator = authenticator
    }

    /// A route anybody may call.
    func open(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
    ) {
        self.routes.append((method.rawValue, path))
        self.router.on(RouterPath(Self.routerPath(path)), method: method, use: handler)
    }

    /// A route for enrolled offices: the handler runs only after the request's signature checks out.
    func signed(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ handler: @escaping @Sendable (Request, BasicRequestContext, HubMember) async throws -> Response
    ) {
        let authenticator = self.authenticator
        self.open(method, path) { request, context in
            let member = try await authenticator.member(for: request)
            var context = context
            context.logger[metadataKey: "office"] = .string(member.card.id.description)
            return try await handler(request, context, member)
        }
    }

    /// `/v1/statements/{id}` as Hummingbird writes it: `/v1/statements/:id`.
    private static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
        }.joined(separator: "/")
    }
}
