import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SignatoryBundles
import SignatoryDomain
import SignatoryStore

/// `/v1/sync`: offices push bundles, pull what they lack page by page, and read the hub's version vector.
struct SyncRoutes {
    let database: StoreActor
    /// The connection for reads outside any transaction, which never waits for pushes being written.
    let lookups: StoreActor
    let configuration: HubConfiguration
    let pushes: PushQueue
    let admission: PushAdmission

    init(database: StoreActor, lookups: StoreActor, configuration: HubConfiguration, admission: PushAdmission) {
        self.database = database
        self.lookups = lookups
        self.configuration = configuration
        self.pushes = PushQueue(database: database)
        self.admission = admission
    }

    func register(in table: RouteTable) {
        table.signed(.get, "/v1/sync/vector") { _, _, member in
            try Self.requireSyncing(member)
            return try await self.vector()
        }
        table.signed(.post, "/v1/sync/push") { request, context, member in
            try Self.requireSyncing(member)
            return try await self.push(request, context: context, member: member)
        }
        table.signed(.post, "/v1/sync/pull") { request, _, member in
            try Self.requireSyncing(member)
            return try await self.pull(request)
        }
    }

    /// A feed carries every field of every record, contacts at risk included: only offices
    /// enrolled for the internal audience sync; the others read through the API.
    private static func requireSyncing(_ member: HubMember) throws {
        guard member.audience == .internal else {
            throw HubError.forbidden(
                "only offices enrolled for the internal audience sync; this one may read through /v1 as \(member.audience.rawValue)"
            )
        }
    }

    private func vector() async throws -> Response {
        let vector = try await self.lookups.run { store in
            HubVector(
                office: store.office.id.description,
                name: store.office.name,
                have: try store.versionVector().keyedByText
            )
        }
        return try Reply.json(vector)
    }

    /// A bundle checked exactly as `signatory sync import` checks a file, and applied all or
    /// nothing, in a commit it may share with pushes that arrived at the same time.
    private func push(_ request: Request, context: HubRequestContext, member: HubMember) async throws -> Response {
        let limit = self.configuration.maximumBodyBytes
        // A body without a length, or over the limit (refused as it is read), may take the limit.
        let reserved = min(request.headers[.contentLength].flatMap { Int($0) }.map { max($0, 0) } ?? limit, limit)
        guard self.admission.admit(reserved) else {
            throw HubError.unavailable("the hub is taking as many pushes as it can hold at once; try again shortly")
        }
        defer { self.admission.release(reserved) }
        let body = try await request.verifiedBody(limit: limit)
        context.logger.info("push received", metadata: ["bytes": .stringConvertible(body.count)])
        guard let newline = body.firstIndex(of: UInt8(ascii: "\n")) else {
            throw HubError.badRequest(
                "malformed_bundle",
                "the body is not a bundle: its first line must be a bundle header"
            )
        }
        let header: BundleHeader
        do {
            header = try BundleHeader.parse(body[..<newline])
        } catch {
            // A bundle of a later format is told to upgrade, as `sync import` tells it.
            throw Self.refusal(error)
        }
        guard header.from == member.card.id else {
            throw HubError.forbidden(
                "the bundle was written by office \(header.from), not by the office that signed the request"
            )
        }
        let outcome = try await self.pushes.apply(body)
        do {
            let report = try outcome.report.get()
            context.logger.info(
                "push applied",
                metadata: [
                    "applied": .stringConvertible(report.applied), "known": .stringConvertible(report.alreadyKnown),
                ]
            )
            return try Reply.json(
                PushReply(applied: report.applied, alreadyKnown: report.alreadyKnown, have: outcome.have)
            )
        } catch let error as SyncError {
            throw Self.refusal(error)
        }
    }

    /// A bundle that cannot be read is a bad request; one read and refused is unprocessable.
    private static func refusal(_ error: SyncError) -> HubError {
        if error.isMalformed { return HubError.badRequest("malformed_bundle", error.description) }
        return HubError.refusedBundle(error.description)
    }

    /// One page of what the caller lacks: a bundle header, then changes (JSON Lines).
    /// `Signatory-Remaining` says how many changes are left after this page.
    private func pull(_ request: Request) async throws -> Response {
        let body = try await request.verifiedBody(limit: 1 << 20)
        guard let pull = try? JSONDecoder().decode(PullRequest.self, from: Data(body)) else {
            throw HubError.badRequest(
                "malformed_json",
                "the body must be JSON: {\"have\": {\"OFFICE-ID\": POSITION, …}, \"offices\": [\"OFFICE-ID\", …], \"limit\": N}"
            )
        }
        var have: [ID<Office>: Int64] = [:]
        for (office, position) in pull.have {
            guard let id = ID<Office>(office), position >= 0 else {
                throw HubError.badRequest(
                    "malformed_json",
                    "'\(office)' is not an office id with a position of 0 or more"
                )
            }
            have[id] = position
        }
        var only: Set<ID<Office>>?
        if let offices = pull.offices {
            only = []
            for office in offices {
                guard let id = ID<Office>(office) else {
                    throw HubError.badRequest("malformed_json", "'\(office)' is not an office id")
                }
                only?.insert(id)
            }
        }
        if let limit = pull.limit, limit < 1 {
            throw HubError.badRequest("malformed_json", "'limit' is the most changes a page may carry: 1 or more")
        }
        let limit = min(pull.limit ?? self.configuration.pageLimit, self.configuration.pageLimit)
        let known = have
        let accepted = only
        let (bytes, page) = try await self.database.run { store in
            try BundleExporter(store: store).page(have: known, only: accepted, limit: limit)
        }
        var response = Reply.bytes(bytes, contentType: "application/x-ndjson")
        response.headers[HTTPField.Name("Signatory-Remaining")!] = String(page.remaining)
        return response
    }
}
