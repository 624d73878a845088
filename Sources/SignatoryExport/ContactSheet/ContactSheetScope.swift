public import SignatoryDomain
public import SignatoryStore

/// What a user named for a contact sheet: a statement, a campaign (each by id, prefix or the
/// like), or every organisation; resolved against a store into the scope and the sheet's title.
///
/// ```swift
/// let (scope, title) = try ContactSheetScope(statement: "3f2a", campaign: nil).resolve(in: store, for: .coalition)
/// ```
public enum ContactSheetScope: Sendable, Hashable {
    case statement(String)
    case campaign(String)
    case all

    /// The statement if given, else the campaign, else every organisation.
    public init(statement: String?, campaign: String?) {
        if let statement {
            self = .statement(statement)
        } else if let campaign {
            self = .campaign(campaign)
        } else {
            self = .all
        }
    }

    /// The scope and title; a statement the audience does not see (a draft, for the public) is
    /// not found, as if it did not exist.
    public func resolve(in store: Store, for audience: ExportAudience) throws -> (ContactScope, title: String) {
        switch self {
        case .statement(let reference):
            let statement = try store.statement(matching: reference)
            guard audience.sees(statement) else { throw StoreError.notFound("statement", reference: reference) }
            return (.statement(statement.id), statement.title)
        case .campaign(let reference):
            let campaign = try store.campaign(matching: reference)
            return (.campaign(campaign.id), campaign.name)
        case .all:
            return (.all, "all organisations")
        }
    }
}
