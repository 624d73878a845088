import Foundation
import NIOSSL
public import SignatoryBundles
import SignatoryDomain
public import SignatoryStore

/// An office syncing with a hub: pushing what the hub lacks, pulling what the office lacks.
///
/// ```swift
/// let hub = try HubClient(url: "https://hub.example.org:8443", store: store)
/// let pushed = try await hub.push()
/// let pulled = try await hub.pull { print("pulled \($0.done) of \($0.total) changes") }
/// try await hub.shutdown()
/// ```
public struct HubClient {
    public struct Progress: Sendable {
        public let done: Int64
        public let total: Int64
    }

    public struct PushResult: Sendable {
        /// Changes the hub had not held.
        public let applied: Int
        public let sent: Int64
    }

    /// The largest `Signatory-Remaining` a hub may announce: more changes than any coalition writes.
    static let maximumRemaining: Int64 = 1 << 40

    let store: Store
    let connection: HubConnection

    /// - Throws: ``HubClientError`` for an address that is not a hub's, plain `http://` to
    ///   another computer unless `trust` allows it, or an unusable certificate authority file.
    public init(url text: String, store: Store, trust: HubTrust = HubTrust()) throws {
        let url = try Self.checkedURL(text)
        if url.scheme?.lowercased() == "http", !trust.allowsPlainHTTP, !Self.isLoopback(url.host ?? "") {
            throw HubClientError.plainHTTP(text)
        }
        let roots = try trust.certificateAuthorityFile.map { path in
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw HubClientError.certificateAuthority(path, "it is not a readable PEM certificate file")
            }
            guard !certificates.isEmpty else {
                throw HubClientError.certificateAuthority(path, "it holds no certificate")
            }
            return certificates
        }
        self.store = store
        self.connection = HubConnection(
            base: url,
            office: store.office.id,
            keys: try store.officeKeys(),
            trustRoots: roots
        )
    }

    /// Closes the client's connections; call it once the client is no longer needed.
    public func shutdown() async throws {
        try await self.connection.shutdown()
    }

    /// This computer: `localhost` or an address in 127.0.0.0/8, reached without a network.
    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Throws ``HubClientError`` unless `text` is a hub's address: an `http` or `https` URL with
    /// a host name or IPv4 address, an optional port, and nothing else.
    public static func check(address text: String) throws {
        _ = try Self.checkedURL(text)
    }

    static func checkedURL(_ text: String) throws -> URL {
        guard text.utf8.count <= 2_048, let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty, host.utf8.count <= 253,
            // Credentials would be stored and shown in clear; a path, query or fragment would be
            // ignored, as the hub's routes are fixed.
            url.user == nil, url.password == nil, url.query == nil, url.fragment == nil,
            url.path.isEmpty || url.path == "/",
            url.port.map({ (1...65_535).contains($0) }) ?? true
        else {
            throw HubClientError.badURL(text)
        }
        // Addresses are host names or IPv4 addresses, as `hub remote set` documents.
        guard !host.contains(":") && !text.contains("[") else { throw HubClientError.ipv6(text) }
        return url
    }

    /// The most changes of this office's own feed one push request carries: about 10 MB of
    /// lines, well under a hub's default body limit of 64 MB.
    public static let pushPageLimit = 20_000

    /// Sends every change the hub does not hold, in pages the hub checks and applies one by
    /// one as it does a file import (see ``BundleExporter/nextPushPage(known:limit:excluding:)``).
    /// A failure leaves the pages already applied at the hub; the next push carries on from there.
    /// Another office's feed that the hub refuses is set aside, this office's own changes still
    /// go, and the refusal is thrown at the end.
    ///
    /// - Parameter sending: told, before each page goes, how many changes were sent before it,
    ///   how many it carries and of how many in all.
    public func push(
        pageLimit: Int = HubClient.pushPageLimit,
        sending: (_ sent: Int64, _ page: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) async throws -> PushResult {
        try self.store.refuseIfSucceeded()
        let vectorData = try await self.connection.send("GET", "/v1/sync/vector").body
        guard let vector = try? JSONDecoder().decode(HubVector.self, from: vectorData) else {
            throw HubClientError.unexpected("the version vector is not JSON")
        }
        // Positions come from the network: below zero means nothing held, so no subtraction overflows.
        var known = [ID<Office>: Int64](keyedByText: vector.have).mapValues { max($0, 0) }
        let own = self.store.office.id
        if let held = known[own], held > 0 { try await self.checkOwnFeed(hubHolds: held) }
        let total = try self.store.versionVector().reduce(Int64(0)) { $0 + max(0, $1.value - (known[$1.key] ?? 0)) }
        let exporter = BundleExporter(store: self.store)
        let largest = max(pageLimit, 1)
        var result = PushResult(applied: 0, sent: 0)
        var limit = largest
        // The page the hub last refused as too large, while the next one starts where it did: a
        // page is cut smaller only while cutting makes it smaller, as one that must reach an
        // erasure cannot be.
        var tooLarge: (changes: Int64, error: HubClientError)?
        var setAside: Set<ID<Office>> = []
        var refusal: (offices: [ID<Office>], error: HubClientError)?
        // Feeds the hub answered for and set aside: not an error while nothing of this office's waits for them.
        var heldBack: [ID<Office>]?
        while let page = try exporter.nextPushPage(known: known, limit: limit, excluding: setAside) {
            if let tooLarge, page.changes >= tooLarge.changes { throw tooLarge.error }
            sending(result.sent, page.changes, total)
            let replyData: Data
            do {
                replyData = try await self.connection.send(
                    "POST",
                    "/v1/sync/push",
                    body: Data(page.bytes),
                    contentType: "application/x-ndjson"
                ).body
            } catch let error as HubClientError where error.status == 413 && page.office == own && page.changes > 1 {
                tooLarge = (page.changes, error)
                limit = Int(page.changes / 2)
                continue
            } catch let error as HubClientError where Self.setsAside(page, refused: error, own: own) {
                // Feeds relayed for other offices: what needs none of them need not wait for them.
                let relayed = page.offices.filter { $0 != own }
                setAside.formUnion(relayed)
                refusal = refusal ?? (relayed, error)
                tooLarge = nil
                continue
            }
            guard let reply = try? JSONDecoder().decode(PushReply.self, from: replyData) else {
                throw HubClientError.unexpected("the push reply is not JSON")
            }
            let have = [ID<Office>: Int64](keyedByText: reply.have)
            // The hub now holds what it said; the next page, or push, starts from there.
            if let hub = ID<Office>(vector.office) { try self.store.learn(that: hub, has: have) }
            let progressed = have.contains { $0.value > (known[$0.key] ?? 0) }
            guard progressed else {
                // Relayed changes the hub answered for and took none of, it set aside: the later
                // changes of an office revoked there. They are not sent again.
                let relayed = page.offices.filter { $0 != own }
                guard !relayed.isEmpty, relayed.count == page.offices.count else {
                    throw HubClientError.unexpected("the hub did not take a page of the push")
                }
                setAside.formUnion(relayed)
                heldBack = heldBack ?? relayed
                continue
            }
            known.merge(have.mapValues { max($0, 0) }) { max($0, $1) }
            result = PushResult(applied: result.applied + reply.applied, sent: result.sent + page.changes)
            // A page cut for one large change should not keep the rest of the backlog in small pages.
            tooLarge = nil
            limit = limit > largest / 2 ? largest : limit * 2
        }
        // This office's own changes past a change that needs an erasure in a refused feed wait too.
        let ownHead = try self.store.versionVector()[own] ?? 0
        let waiting = max(0, ownHead - (known[own] ?? 0))
        if refusal == nil, let heldBack, waiting > 0 {
            refusal = (
                heldBack,
                .refused(
                    status: 422,
                    code: "set_aside",
                    message: "the hub set aside their changes after the position at which it revoked their trust"
                )
            )
        }
        if let refusal {
            let names = Dictionary(try self.store.trustedOffices().map { ($0.id, $0.name) }) { first, _ in first }
            let offices = refusal.offices.map { names[$0] ?? $0.description }.joined(separator: ", ")
            // The people whose erasure, held only in a refused feed, those changes wait for.
            let refused = Set(refusal.offices)
            let erasedElsewhere = try self.store.redactedChanges(of: own, after: known[own] ?? 0, through: ownHead)
                .filter { redacted in
                    !redacted.erasures.isEmpty && redacted.erasures.allSatisfy { refused.contains($0.office) }
                }
                .map(\.contact)
            throw HubClientError.relayRefused(
                offices,
                refusal.error,
                pushed: result.sent,
                ownWaiting: waiting,
                erasedContacts: Array(Set(erasedElsewhere)).sorted()
            )
        }
        return result
    }

    /// Whether the hub refused a page carrying other offices' feeds for what they hold (too
    /// large, a change it cannot take, an office it does not trust or revoked), so those feeds
    /// are left behind. A page of this office's feed alone is not.
    private static func setsAside(
        _ page: BundleExporter.PushPage,
        refused error: HubClientError,
        own: ID<Office>
    ) -> Bool {
        guard page.offices.contains(where: { $0 != own }), let status = error.status else { return false }
        return status == 409 || status == 413 || status == 422
    }

    /// Offices whose changes the hub holds but this office does not trust, so does not pull.
    public func untrustedFeeds() async throws -> [String] {
        let data = try await self.connection.send("GET", "/v1/sync/vector").body
        guard let vector = try? JSONDecoder().decode(HubVector.self, from: data) else {
            throw HubClientError.unexpected("the version vector is not JSON")
        }
        let trusted = Set(try self.store.trustedOffices().map(\.id.description))
        return vector.have.filter { $0.value > 0 && !trusted.contains($0.key) && $0.key != vector.office }.keys.sorted()
    }

    /// Fetches what this office lacks page by page, then imports it as one bundle, checked as a file import is.
    ///
    /// Only the feeds of offices this office trusts are asked for; see ``untrustedFeeds()``.
    ///
    /// - Parameters:
    ///   - progress: told how many changes have arrived, of how many, after each page.
    ///   - applying: told how many were checked and applied, of how many, as the import goes.
    public func pull(
        progress: (Progress) -> Void = { _ in },
        applying: @escaping (Int64, Int64) -> Void = { _, _ in }
    ) async throws -> BundleImporter.Report? {
        // Refused before anything is fetched, as the import would be.
        try self.store.refuseIfSucceeded()
        guard let assembler = try await self.fetch(progress: progress) else { return nil }
        var importer = BundleImporter(store: self.store)
        importer.progress = applying
        return try importer.importBundle(from: try assembler.finish())
    }

    /// The pages of a pull, joined in a temporary file; `nil` when the hub holds nothing new.
    /// The caller imports it (`finish()`) or discards it.
    package func fetch(progress: (Progress) -> Void = { _ in }) async throws -> BundleAssembler? {
        var assembler = try BundleAssembler(
            have: try self.store.versionVector(),
            folder: FileManager.default.temporaryDirectory
        )
        // An office revoked here is asked for only while changes it wrote before are missing here
        // (a backup restored): the later ones the hub sends with them are set aside.
        let trusted = try self.store.trustedOffices().filter { card in
            guard let revoked = try self.store.trustRevocation(of: card.id) else { return true }
            return try self.store.feedEnd(of: card.id).sequence < revoked.after
        }.map(\.id.description)
        do {
            var total: Int64?
            while true {
                let request = PullRequest(have: assembler.have.keyedByText, offices: trusted)
                let answer = try await self.connection.send(
                    "POST",
                    "/v1/sync/pull",
                    body: try JSONEncoder().encode(request),
                    contentType: "application/json"
                )
                let carried = try assembler.add(page: answer.body)
                // The count comes from the network: a negative or absurd one is refused, not added.
                guard let remaining = answer.header("Signatory-Remaining").flatMap(Int64.init),
                    (0...Self.maximumRemaining).contains(remaining)
                else {
                    throw HubClientError.unexpected("a pull page without a valid Signatory-Remaining count")
                }
                let expected = assembler.changes.addingReportingOverflow(remaining)
                guard !expected.overflow else {
                    throw HubClientError.unexpected("the hub announces more changes than can be counted")
                }
                if total == nil { total = expected.partialValue }
                progress(Progress(done: assembler.changes, total: max(total!, expected.partialValue)))
                if remaining == 0 || carried == 0 { break }
            }
        } catch {
            // Nothing of a failed pull stays behind in the temporary folder.
            assembler.discard()
            throw error
        }
        guard assembler.changes > 0 else {
            assembler.discard()
            return nil
        }
        return assembler
    }
}
