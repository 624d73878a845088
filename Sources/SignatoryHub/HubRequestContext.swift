import Hummingbird
import SignatoryStore

/// What the hub knows about a request while answering it: Hummingbird's own context, and on
/// `/v1` the enrolled office that signed it (set by ``SignedRequestAuthenticator``).
struct HubRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var member: HubMember?

    init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// The office that signed the request; every `/v1` route has one.
    func requireMember() throws -> HubMember {
        guard let member = self.member else { throw HubError.unauthenticated("the request is not signed") }
        return member
    }
}
