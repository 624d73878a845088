import Foundation
import Hummingbird
import SignatoryDomain
import SignatoryExport
import SignatoryStore

/// `/v1`: the coalition's data as JSON, shown to each office as its enrolled audience allows
/// (the contact sheets' rules: contacts at risk only to `internal` offices).
struct ReadRoutes {
    let database: StoreActor

    func register(in table: RouteTable) {
        table.signed(.get, "/v1/campaigns") { _, _, _ in
            try await self.reply { store in try store.campaigns().map(\.json) }
        }
        table.signed(.get, "/v1/campaigns/{id}") { _, context, member in
            let id = try context.parameters.require("id")
            return try await self.reply { store in
                let campaign = try store.campaign(matching: id)
                let statements = try Self.statements(in: campaign.id, from: store, for: member.audience)
                return JSONRecord.merging(campaign.json, ["statements": statements.map(\.json)])
            }
        }
        table.signed(.get, "/v1/statements") { request, _, member in
            let campaign = request.uri.queryParameters["campaign"].map(String.init)
            return try await self.reply { store in
                let campaignID = try campaign.map { try store.campaign(matching: $0).id }
                return try Self.statements(in: campaignID, from: store, for: member.audience).map(\.json)
            }
        }
        table.signed(.get, "/v1/statements/{id}") { _, context, member in
            let id = try context.parameters.require("id")
            return try await self.reply { store in try Self.statement(id, in: store, for: member.audience) }
        }
        table.signed(.get, "/v1/statements/{id}/rendering") { request, context, member in
            let id = try context.parameters.require("id")
            let format = try Self.choice(request, "format", default: StatementFormat.text)
            let text = try await self.database.run { store in
                let statement = try Self.statement(matching: id, in: store, for: member.audience)
                return format.render(try StatementRendition(statement: statement, store: store))
            }
            return Reply.bytes(Array(text.utf8), contentType: format.mediaType)
        }
        table.signed(.get, "/v1/organisations") { _, _, member in
            try await self.reply { store in
                try Self.organisations(in: store, for: member.audience).map { member.audience.view(of: $0).json }
            }
        }
        table.signed(.get, "/v1/organisations/{id}") { _, context, member in
            let id = try context.parameters.require("id")
            return try await self.reply { store in
                let shown = try Self.organisations(in: store, for: member.audience)
                let organisation = try Self.lookUp(
                    "organisation",
                    id,
                    for: member.audience,
                    { try store.organisation(matching: id) },
                    among: { candidate in shown.first { $0.id.description == candidate } }
                )
                guard shown.contains(organisation) else { throw HubError.notFound("no organisation matches '\(id)'") }
                return member.audience.view(of: organisation).json
            }
        }
        table.signed(.get, "/v1/contacts") { request, _, member in
            let scope = try ContactSheetScope(request)
            return try await self.reply { store in
                let (resolved, title) = try scope.resolve(in: store, for: member.audience)
                let export = ContactSheetExport(scope: resolved, format: .csv, audience: member.audience, title: title)
                return try export.lines(from: store).lines.map(\.json)
            }
        }
        table.signed(.get, "/v1/contacts/{id}") { _, context, member in
            let id = try context.parameters.require("id")
            guard member.audience.looksUpByPrefix || UUID(uuidString: id) != nil else {
                throw HubError.notFound("no contact matches '\(id)'; give the contact's whole id")
            }
            return try await self.reply { store in
                var contact: ContactPerson
                do {
                    contact = try store.contact(matching: id)
                } catch let error as StoreError where error.code == .erased && !member.audience.seesErasures {
                    throw HubError.notFound("no contact matches '\(id)'")
                }
                // One who shares a name, email or phone with a contact at risk is seen as at risk.
                if try store.protectedIdentities().protects(contact) { contact.atRisk = true }
                let consented = try store.consentsToPublication(contact.organisationID)
                guard let shown = member.audience.view(of: contact, organisationConsented: consented) else {
                    throw HubError.notFound("no contact matches '\(id)'")
                }
                return shown.json
            }
        }
        table.signed(.get, "/v1/conflicts") { _, _, member in
            // Conflicting values can hold any field of a contact, so only internal offices see them.
            guard member.audience.seesConflicts else {
                throw HubError.forbidden("conflicts are shown to internal offices only")
            }
            return try await self.reply { store in
                try store.conflicts().map { $0.json(recordName: try store.recordName($0.record, $0.recordID)) }
            }
        }
    }

    private func reply(_ body: @escaping @Sendable (Store) throws -> some Encodable & Sendable) async throws -> Response
    {
        try Reply.json(try await self.database.run(body))
    }

    /// A statement with its signatures; the public sees only organisations that signed with consent.
    private static func statement(_ id: String, in store: Store, for audience: ExportAudience) throws -> JSONRecord {
        let statement = try Self.statement(matching: id, in: store, for: audience)
        let current = statement.textHash
        let rows = try store.signatures(on: statement.id).compactMap(audience.view(of:)).map { signature in
            signature.json(
                organisation: try store.organisation(signature.organisationID).map(audience.view(of:)),
                currentText: current
            )
        }
        return JSONRecord.merging(statement.json, ["signatures": rows])
    }

    /// The statement `id` names, as the audience sees it; one it may not see does not exist for it.
    private static func statement(
        matching id: String,
        in store: Store,
        for audience: ExportAudience
    ) throws
        -> JointStatement
    {
        let statement = try Self.lookUp(
            "statement",
            id,
            for: audience,
            { try store.statement(matching: id) },
            among: { candidate in
                guard let id = ID<JointStatement>(candidate), let statement = try store.statement(id),
                    audience.sees(statement)
                else { return nil }
                return statement
            }
        )
        guard audience.sees(statement) else { throw HubError.notFound("no statement matches '\(id)'") }
        return audience.view(
            of: try store.asPublished(statement),
            leadConsented: try statement.leadOrganisationID.map(store.consentsToPublication) ?? false
        )
    }

    /// A record found by what the caller typed. For an audience that may not see every record,
    /// an ambiguous reference means the one record it sees among those it could mean, and is
    /// otherwise not found: which records it could mean, or that hidden ones exist, is not told.
    private static func lookUp<T>(
        _ kind: String,
        _ id: String,
        for audience: ExportAudience,
        _ body: () throws -> T,
        among shown: (String) throws -> T?
    ) throws -> T {
        do {
            return try body()
        } catch let error as StoreError where error.code == .ambiguous && !audience.seesUnpublishedOrganisations {
            let seen = try error.candidates.compactMap(shown)
            guard seen.count == 1 else {
                throw HubError.notFound("no \(kind) matches '\(id)'" + (seen.isEmpty ? "" : "; give the whole id"))
            }
            return seen[0]
        }
    }

    /// The statements of a campaign (or all), as the audience sees them. One published with a
    /// wording not held here is left out (it answers 409 on its own) rather than failing the list.
    private static func statements(
        in campaign: ID<Campaign>?,
        from store: Store,
        for audience: ExportAudience
    ) throws -> [JointStatement] {
        let consenting = try store.organisationsConsentingToPublication()
        return try store.statements(in: campaign).filter(audience.sees).compactMap { statement in
            let published: JointStatement
            do {
                published = try store.asPublished(statement)
            } catch let error as StoreError where error.code == .publishedWordingNotHeld {
                return nil
            }
            return audience.view(
                of: published,
                leadConsented: statement.leadOrganisationID.map(consenting.contains) ?? false
            )
        }
    }

    /// The organisations the audience sees.
    private static func organisations(in store: Store, for audience: ExportAudience) throws -> [Organisation] {
        let consenting = try store.organisationsConsentingToPublication()
        return try store.organisations().filter {
            audience.sees($0, consentedToPublication: consenting.contains($0.id))
        }
    }

    static func choice<T: RawRepresentable>(_ request: Request, _ name: String, default value: T) throws -> T
    where T.RawValue == String {
        guard let text = request.uri.queryParameters[Substring(name)] else { return value }
        guard let parsed = T(rawValue: String(text)) else {
            throw HubError.badRequest("invalid_parameter", "'\(text)' is not a valid \(name)")
        }
        return parsed
    }
}

extension ContactSheetScope {
    /// The `statement=` or `campaign=` query parameter, or neither for every organisation; both
    /// name no one sheet, and are refused.
    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        let (statement, campaign) = (query["statement"].map(String.init), query["campaign"].map(String.init))
        guard statement == nil || campaign == nil else {
            throw HubError.badRequest("invalid_parameter", "give statement= or campaign=, not both")
        }
        self.init(statement: statement, campaign: campaign)
    }
}
