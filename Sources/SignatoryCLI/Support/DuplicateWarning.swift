import SignatoryDomain
import SignatoryStore

/// The warning `org add` and `org edit` print when the organisation just written looks like
/// another one, so that a second copy is noticed when it is made rather than after a sync.
enum DuplicateWarning {
    static func warn(about organisation: ID<Organisation>, in store: Store) throws {
        for pair in try store.duplicatePairs(of: organisation) {
            let otherID = pair.first == organisation ? pair.second : pair.first
            guard let other = try store.organisation(otherID) else { continue }
            Output.warn(
                "warning: this looks like \(other.displayName) (\(otherID.shortID)): \(pair.reason). If it is the same "
                    + "organisation, merge them: signatory org merge \(organisation.shortID) --into \(otherID.shortID)"
            )
        }
    }
}
