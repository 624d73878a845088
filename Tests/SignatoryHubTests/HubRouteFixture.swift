import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignatoryBundles
import SignatoryDomain
import SignatoryStore
import TestSupport

@testable import SignatoryHub

/// A hub database with enrolled offices, served in process: requests go to the router
/// without a network, signed as each office signs them.
final class HubRouteFixture {
    struct Member {
        let store: Store
        let keys: OfficeKeys
        var id: ID<Office> { self.store.office.id }
    }

    let folder: TemporaryDirectory
    let hubPath: String
    private(set) var members: [String: Member] = [:]

    init(members audiences: [String: ExportAudience]) throws {
        self.folder = try TemporaryDirectory()
        self.hubPath = self.folder.path("hub.db")
        let hub = try Store.create(at: self.hubPath, office: Office(name: "Hub", createdAt: Date()))
        for (name, audience) in audiences {
            let store = try Store.create(
                at: self.folder.path("\(name).db"),
                office: Office(name: name, createdAt: Date())
            )
            let card = try store.officeCard()
            try hub.enrol(card, audience: audience)
            try hub.trust(card)
            try store.trust(try hub.officeCard())
            self.members[name] = Member(store: store, keys: try store.officeKeys())
        }
    }

    func member(_ name: String) -> Member { self.members[name]! }

    /// The hub's own office id.
    func hubID() throws -> ID<Office> {
        try Store.open(at: self.hubPath).office.id
    }

    /// Runs `body` with a client of the hub's router.
    func withClient<T: Sendable>(
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let now = Self.now
        let hub = try HubServer(
            configuration: HubConfiguration(databasePath: self.hubPath),
            logger: Logger(label: "signatory.hub"),
            clock: { now }
        )
        return try await hub.application().test(.router) { client in try await body(client) }
    }

    /// The hub's clock and the time every request is signed at. Fixed, because a test's task may
    /// wait minutes for a thread between signing and the hub's check when the machine is busy.
    static let now = Date()

    /// The headers of a request signed by `member` over `body` at `time`.
    static func signed(
        _ method: String,
        _ target: String,
        body: [UInt8] = [],
        by member: Member,
        at time: Date = now
    ) throws -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in try RequestSignature.headers(
            method: method,
            target: target,
            bodyDigest: RequestSignature.digest(body),
            office: member.id,
            keys: member.keys,
            now: time
        ) {
            fields[HTTPField.Name(name)!] = value
        }
        return fields
    }

    /// A signed POST of `body`.
    static func post(
        _ uri: String,
        _ body: [UInt8],
        headers: HTTPFields,
        to client: any TestClientProtocol
    ) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// The hub database's bytes, to show that a refusal wrote nothing.
    static func bytes(of path: String) -> [Data?] { databaseBytes(path) }
}
