import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignatoryBundles
import SignatoryDomain
import SignatoryStore
import TestSupport
import Testing

@testable import SignatoryHub

/// The hub's routes, driven in process through Hummingbird's router test client. The
/// live-process suites (`HubSyncTests`, `HubRefusalTests`, `HostileHubTests`) cover signals,
/// the network and whole offices.
struct HubRouteTests {
    @Test func openRoutesAnswerAnybody() async throws {
        let fixture = try HubRouteFixture(members: [:])
        try await fixture.withClient { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"openapi\""))
            }
        }
    }

    @Test func everyV1RouteWantsASignatureFirst() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal])
        let stranger = try Store.create(
            at: fixture.folder.path("stranger.db"),
            office: Office(name: "Stranger", createdAt: Date())
        )
        let strangerMember = HubRouteFixture.Member(store: stranger, keys: try stranger.officeKeys())
        let routes: [(HTTPRequest.Method, String)] = [
            (.get, "/v1/organisations"), (.get, "/v1/conflicts"), (.post, "/v1/sync/pull"),
        ]
        let requests = try routes.map { method, uri in
            (method, uri, try HubRouteFixture.signed(method.rawValue, uri, by: strangerMember))
        }
        let genevaEarly = try routes.map { method, uri in
            try HubRouteFixture.signed(
                method.rawValue,
                uri,
                by: fixture.member("Geneva"),
                at: HubRouteFixture.now - 6 * 60
            )
        }
        let hubPath = fixture.hubPath
        try await fixture.withClient { client in
            let before = HubRouteFixture.bytes(of: hubPath)
            for ((method, uri, signedByStranger), signedTooEarly) in zip(requests, genevaEarly) {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .unauthorized, "\(method) \(uri)")
                    #expect(String(buffer: response.body).contains(#""code":"unauthenticated""#))
                }
                try await client.execute(uri: uri, method: method, headers: signedByStranger) { response in
                    #expect(response.status == .unauthorized, "\(method) \(uri) from an office not enrolled")
                }
                try await client.execute(uri: uri, method: method, headers: signedTooEarly) { response in
                    #expect(
                        response.status == .unauthorized,
                        "\(method) \(uri) signed six minutes before the hub's time"
                    )
                    #expect(String(buffer: response.body).contains("five minutes"))
                }
            }
            #expect(HubRouteFixture.bytes(of: hubPath) == before)
        }
    }

    @Test func readsShowEachAudienceWhatItMaySee() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal, "Press": .public])
        let geneva = fixture.member("Geneva")
        var cap = Organisation(
            name: "Coordination des Associations et des Particuliers pour la Liberté de Conscience",
            acronym: "CAP",
            country: try CountryCode("FR"),
            ecosoc: .special
        )
        cap.notes = "Call the director on Signal only"
        try geneva.store.insert(cap)
        try await Self.push(from: geneva, in: fixture)
        let staff = try HubRouteFixture.signed("GET", "/v1/organisations", by: geneva)
        let reader = try HubRouteFixture.signed("GET", "/v1/organisations", by: fixture.member("Press"))
        try await fixture.withClient { client in
            try await client.execute(uri: "/v1/organisations", method: .get, headers: staff) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Signal only"))
            }
            // CAP has signed nothing with consent to publication: the public does not see it.
            try await client.execute(uri: "/v1/organisations", method: .get, headers: reader) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "[]")
            }
        }
    }

    @Test func aPushIsAppliedFromItsBodyAndAPullPageCarriesIt() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal, "Bucharest": .internal])
        let (geneva, bucharest) = (fixture.member("Geneva"), fixture.member("Bucharest"))
        try geneva.store.insert(
            Organisation(name: "SIRDO", acronym: "SIRDO", country: try CountryCode("RO"), ecosoc: .special)
        )
        try bucharest.store.trust(try geneva.store.officeCard())
        try await Self.push(from: geneva, in: fixture)
        let body = Array(#"{"have": {}}"#.utf8)
        let headers = try HubRouteFixture.signed("POST", "/v1/sync/pull", body: body, by: bucharest)
        let page = try await fixture.withClient { client in
            let response = try await HubRouteFixture.post("/v1/sync/pull", body, headers: headers, to: client)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("Signatory-Remaining")!] == "0")
            return Array(buffer: response.body)
        }
        let report = try BundleImporter(store: bucharest.store).importBundle(from: LineReader(bytes: page))
        #expect(report.applied == 1)
        #expect(try bucharest.store.organisations().map(\.name) == ["SIRDO"])
    }

    @Test func aPushWrittenByAnotherOfficeIsRefusedAndChangesNothing() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal, "Bucharest": .internal])
        let (geneva, bucharest) = (fixture.member("Geneva"), fixture.member("Bucharest"))
        try geneva.store.insert(
            Organisation(name: "SIRDO", acronym: "SIRDO", country: try CountryCode("RO"), ecosoc: .special)
        )
        let (body, _) = try BundleExporter(store: geneva.store).bundle(known: [:])
        // Bucharest signs the request, but Geneva wrote the bundle: relaying is the hub's job.
        _ = try await Self.refusedPush(body, by: bucharest, in: fixture, status: .forbidden)
    }

    /// A bundle of a later format is told to upgrade, as `sync import` tells it, not that it is
    /// no bundle; and nothing is written.
    @Test func aPushOfALaterFormatIsToldToUpgrade() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal])
        let geneva = fixture.member("Geneva")
        try geneva.store.insert(Organisation(name: "SIRDO", acronym: "SIRDO", country: try CountryCode("RO")))
        let text = String(decoding: try BundleExporter(store: geneva.store).bundle(known: [:]).bytes, as: UTF8.self)
        let later = text.replacingOccurrences(of: #""version":2"#, with: #""version":3"#)
        try #require(later != text)
        let answer = try await Self.refusedPush(Array(later.utf8), by: geneva, in: fixture, status: .badRequest)
        #expect(answer.contains("upgrade Signatory"), "\(answer)")
    }

    /// Pushes `body` signed by `member`, expecting a refusal with `status` that leaves the hub's
    /// database as it was; returns the answer's text.
    static func refusedPush(
        _ body: [UInt8],
        by member: HubRouteFixture.Member,
        in fixture: HubRouteFixture,
        status: HTTPResponse.Status,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let headers = try HubRouteFixture.signed("POST", "/v1/sync/push", body: body, by: member)
        let hubPath = fixture.hubPath
        return try await fixture.withClient { client in
            let before = HubRouteFixture.bytes(of: hubPath)
            let response = try await HubRouteFixture.post("/v1/sync/push", body, headers: headers, to: client)
            #expect(response.status == status, sourceLocation: sourceLocation)
            #expect(HubRouteFixture.bytes(of: hubPath) == before, sourceLocation: sourceLocation)
            return String(buffer: response.body)
        }
    }

    /// A database `office recover` continued elsewhere is not served: its own feed forked, and
    /// every page would sign and hand out that feed's head again.
    @Test func aContinuedDatabaseIsNotServed() throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal])
        try Store.open(at: fixture.hubPath).recordSuccessor(ID(), at: fixture.folder.path("recovered.db"))
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.hubPath))
        #expect {
            _ = try HubServer(configuration: HubConfiguration(databasePath: fixture.hubPath))
        } throws: { ($0 as? StoreError)?.code == .succeeded }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.hubPath)) == before)
    }

    /// Requests are let in, and the version vector read, on a connection of their own: a push
    /// that arrives while a batch is being written joins the next batch, instead of waiting for
    /// the writing connection to check its signature.
    @Test func aRequestIsLetInAndAnsweredWhileTheDatabaseWrites() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal])
        let headers = try HubRouteFixture.signed("GET", "/v1/sync/vector", by: fixture.member("Geneva"))
        let now = HubRouteFixture.now
        let hub = try HubServer(
            configuration: HubConfiguration(databasePath: fixture.hubPath),
            logger: Logger(label: "signatory.hub"),
            clock: { now }
        )
        let (started, writing) = AsyncStream<Void>.makeStream()
        let released = DispatchSemaphore(value: 0)
        let batch = Task {
            try await hub.database.run { _ in
                writing.yield()
                return released.wait(timeout: .now() + 20)
            }
        }
        for await _ in started { break }
        let status = try await hub.application().test(.router) { client in
            try await client.execute(uri: "/v1/sync/vector", method: .get, headers: headers).status
        }
        released.signal()
        #expect(status == .ok)
        #expect(try await batch.value == .success, "the request waited for the writing connection")
    }

    /// A push's body is held until its batch is written: a push that would take the bodies held
    /// past the hub's limit is told to come back (503, which offices retry), and nothing is written.
    @Test func aPushBeyondTheBodiesTheHubHoldsIsToldToComeBack() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal])
        let geneva = fixture.member("Geneva")
        try geneva.store.insert(Organisation(name: "SIRDO", acronym: "SIRDO", country: try CountryCode("RO")))
        let body = try BundleExporter(store: geneva.store).bundle(known: [:]).bytes
        let headers = try HubRouteFixture.signed("POST", "/v1/sync/push", body: body, by: geneva)
        let now = HubRouteFixture.now
        let hub = try HubServer(
            configuration: HubConfiguration(databasePath: fixture.hubPath),
            logger: Logger(label: "signatory.hub"),
            clock: { now }
        )
        // Other pushes hold all the hub takes.
        #expect(hub.admission.admit(hub.admission.limit))
        let before = HubRouteFixture.bytes(of: fixture.hubPath)
        let refused = try await hub.application().test(.router) { client in
            try await HubRouteFixture.post("/v1/sync/push", body, headers: headers, to: client)
        }
        #expect(refused.status == .serviceUnavailable)
        #expect(String(buffer: refused.body).contains("try again"))
        #expect(HubRouteFixture.bytes(of: fixture.hubPath) == before)
        hub.admission.release(hub.admission.limit)
        let taken = try await hub.application().test(.router) { client in
            try await HubRouteFixture.post("/v1/sync/push", body, headers: headers, to: client).status
        }
        #expect(taken == .ok)
    }

    /// The limit on bodies held is four of the largest, saturating: a configured body limit of
    /// `Int.max` does not trap.
    @Test func theLimitOnBodiesHeldSurvivesAnyBodyLimit() {
        #expect(PushAdmission(maximumBodyBytes: 64 << 20).limit == 256 << 20)
        #expect(PushAdmission(maximumBodyBytes: 1 << 30).limit == 4 << 30)
        #expect(PushAdmission(maximumBodyBytes: .max).limit == .max)
    }

    /// Large pushes are committed one batch of at most 64 MiB at a time, so that the write lock
    /// is let go between them for `hub revoke`; a push larger than that is a batch of its own.
    @Test func aBatchOfPushesIsBoundedByTheirBytes() {
        let mebibyte = 1 << 20
        #expect(PushQueue.batchLength([]) == 0)
        #expect(PushQueue.batchLength(Array(repeating: 1 << 10, count: 40)) == 32)
        #expect(PushQueue.batchLength(Array(repeating: 60 * mebibyte, count: 16)) == 1)
        #expect(PushQueue.batchLength([100 * mebibyte, 1 << 10]) == 1)
        #expect(PushQueue.batchLength([1 << 10, 100 * mebibyte]) == 1)
        #expect(PushQueue.batchLength(Array(repeating: 10 * mebibyte, count: 8)) == 6)
        #expect(PushQueue.batchLength([64 * mebibyte]) == 1)
        #expect(PushQueue.batchLength([32 * mebibyte, 32 * mebibyte, 1]) == 2)
    }

    /// The first waiting push is read ahead whatever its size; those behind it while they total
    /// at most 16 MiB, four at most.
    @Test func waitingPushesAreReadAheadWithinTheirBytes() {
        let mebibyte = 1 << 20
        #expect(PushQueue.readAheadLength([]) == 0)
        #expect(PushQueue.readAheadLength([60 * mebibyte, 1]) == 1)
        #expect(PushQueue.readAheadLength(Array(repeating: mebibyte, count: 10)) == 4)
        #expect(PushQueue.readAheadLength([10 * mebibyte, 6 * mebibyte, 1]) == 2)
        #expect(PushQueue.readAheadLength([mebibyte, 20 * mebibyte]) == 1)
    }

    /// Pushes that arrive together may share a commit: each still gets its own answer, and a
    /// refused one takes nothing of the others with it.
    @Test func pushesAtOnceAreAnsweredEachOnItsOwn() async throws {
        let names = ["Geneva", "Bucharest", "Paris", "Nairobi"]
        let fixture = try HubRouteFixture(members: Dictionary(uniqueKeysWithValues: names.map { ($0, .internal) }))
        var requests: [(name: String, body: [UInt8], headers: HTTPFields)] = []
        for (index, name) in names.enumerated() {
            let member = fixture.member(name)
            // One organisation more at each office, so that every answer's count is its own.
            for number in 0...index {
                try member.store.insert(
                    Organisation(name: "\(name) member \(number)", acronym: "\(name.prefix(3))\(number)")
                )
            }
            var body = try BundleExporter(store: member.store).bundle(known: [:]).bytes
            if name == "Paris" {
                body = Array(
                    String(decoding: body, as: UTF8.self).replacingOccurrences(of: "member 0", with: "member X").utf8
                )
            }
            requests.append((name, body, try HubRouteFixture.signed("POST", "/v1/sync/push", body: body, by: member)))
        }
        let sent = requests
        let answers = try await fixture.withClient { client in
            try await withThrowingTaskGroup(of: (String, HTTPResponse.Status, String).self) { group in
                for request in sent {
                    group.addTask {
                        let response = try await HubRouteFixture.post(
                            "/v1/sync/push",
                            request.body,
                            headers: request.headers,
                            to: client
                        )
                        return (request.name, response.status, String(buffer: response.body))
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = ($1.1, $1.2) }
            }
        }
        for (index, name) in names.enumerated() where name != "Paris" {
            #expect(answers[name]?.0 == .ok, "\(name): \(answers[name]?.1 ?? "")")
            #expect(answers[name]?.1.contains(#""applied":\#(index + 1)"#) == true, "\(name)")
        }
        #expect(answers["Paris"]?.0 == .unprocessableContent)
        #expect(answers["Paris"]?.1.contains("is broken at position 1") == true)
        let hub = try Store.open(at: fixture.hubPath)
        #expect(try hub.organisations().count == 1 + 2 + 4)
        #expect(try hub.versionVector()[fixture.member("Paris").id] == nil)
    }

    /// Pushes everything `member` holds, as `signatory sync push` does.
    static func push(from member: HubRouteFixture.Member, in fixture: HubRouteFixture) async throws {
        let known = try member.store.knowledge(of: try fixture.hubID())
        let (body, summary) = try BundleExporter(store: member.store).bundle(known: known)
        let headers = try HubRouteFixture.signed("POST", "/v1/sync/push", body: body, by: member)
        let applied = summary.changes
        try await fixture.withClient { client in
            let response = try await HubRouteFixture.post("/v1/sync/push", body, headers: headers, to: client)
            // Stops here on a refusal, so that the office does not record what the hub lacks.
            try #require(response.status == .ok, "\(String(buffer: response.body))")
            #expect(String(buffer: response.body).contains(#""applied":\#(applied)"#))
        }
        // The hub now holds it all, as `sync push` records.
        try member.store.learn(that: try fixture.hubID(), has: try member.store.versionVector())
    }
}
