import Hummingbird
import SignatoryStore

/// A request's context: Hummingbird's own, plus the office whose signature it carries.
struct HubRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by ``SignedRequestAuthenticator`` for every route under `/v1`.
    var member: HubMember?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.member = nil
    }

    /// The authenticated office; routes under `/v1` are only reached with one.
    func requireMember() throws -> HubMember {
        guard let member = self.member else { throw HubError.unauthenticated("this request carries no office signature") }
        return member
    }
}
