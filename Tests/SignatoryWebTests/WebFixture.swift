import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignatoryDomain
import SignatoryStore
import StoreTestSupport
import TestSupport

@testable import SignatoryWeb

/// An office's database with an open statement signed by two co-signers, one of whose
/// contacts is at risk, served by the web app on a loopback port.
final class WebFixture: Sendable {
    static let loginToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    static let origin = "http://localhost"
    /// Lucica Humenuc's details: a person at risk that no shared page may show.
    static let atRisk = ["Lucica Humenuc", "l.humenuc@sirdo.example", "+40215550100"]

    let folder: TemporaryDirectory
    let path: String
    let statement: ID<JointStatement>
    let campaign: ID<Campaign>

    init() throws {
        self.folder = try TemporaryDirectory()
        self.path = self.folder.path("geneva.db")
        let store = try Store.create(at: self.path, office: Office(name: "Geneva", createdAt: Date()))
        let lead = Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH", ecosoc: .special)
        try store.insert(lead)
        let (campaign, statement) = try store.addOpenStatement(lead: lead)
        self.campaign = campaign.id
        self.statement = statement.id
        let cap = Organisation(
            name: "CAP Liberté de Conscience",
            acronym: "CAP",
            country: try CountryCode("FR"),
            ecosoc: .special
        )
        try store.insert(cap)
        let valle = ContactPerson(
            organisationID: cap.id,
            fullName: "Thierry Valle",
            title: "Director",
            consentToPublish: true
        )
        try store.insert(valle)
        try store.record(.signed, by: cap.id, on: statement, contact: valle.id, source: .coordinator)
        let sirdo = Organisation(
            name: "Romanian Independent Society of Human Rights",
            acronym: "SIRDO",
            country: try CountryCode("RO"),
            ecosoc: .special
        )
        try store.insert(sirdo)
        let humenuc = ContactPerson(
            organisationID: sirdo.id,
            fullName: Self.atRisk[0],
            title: "Director",
            email: try EmailAddress(Self.atRisk[1]),
            phone: try PhoneNumber(Self.atRisk[2]),
            atRisk: true,
            consentToPublish: true
        )
        try store.insert(humenuc)
        try store.record(.signed, by: sirdo.id, on: statement, contact: humenuc.id, source: .coordinator)
    }

    /// What two offices compare after a sync: every record, conflict and duplicate pair.
    func dump() throws -> String { try Store.open(at: self.path).canonicalDump() }

    /// The office clock's stored reading, which ``dump()`` leaves out: it moves with every write.
    func clockReading() throws -> String? {
        try Database(path: self.path, mode: .readOnly).prepare("SELECT last FROM clock").firstRow { $0.text(0) }
    }

    /// Runs `body` against the app on a loopback port.
    func withApp<T: Sendable>(
        maximumUploadBytes: Int = 16 << 20,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let app = try WebApp(
            configuration: WebConfiguration(databasePath: self.path, maximumUploadBytes: maximumUploadBytes),
            logger: Logger(label: "signatory.ui.test"),
            loginToken: Self.loginToken
        )
        return try await app.application().test(.live) { client in try await body(client) }
    }
}

/// A browser's session with the app: its cookie and the CSRF token its forms carry.
struct SignedIn: Sendable {
    let cookie: String
    let csrf: String

    static func signIn(_ client: any TestClientProtocol) async throws -> SignedIn {
        let login = try await client.execute(uri: "/login?token=\(WebFixture.loginToken)", method: .get)
        guard login.status == .seeOther, let setCookie = login.headers[.setCookie],
            let cookie = setCookie.split(separator: ";").first
        else { throw FixtureError("sign-in failed: \(login.status)") }
        let start = try await client.execute(uri: "/", method: .get, headers: [.cookie: String(cookie)])
        guard let csrf = Self.csrf(in: String(buffer: start.body)) else { throw FixtureError("no CSRF token on /") }
        return SignedIn(cookie: String(cookie), csrf: csrf)
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression) else {
            return nil
        }
        return String(html[range].dropFirst(19).prefix(64))
    }

    func get(_ client: any TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.cookie] = self.cookie
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// A form POSTed as a browser on the app's page would: its cookie, its origin and, unless
    /// given another, its CSRF token.
    func post(
        _ client: any TestClientProtocol,
        _ uri: String,
        _ fields: [String: String],
        csrf: String? = nil,
        headers: HTTPFields? = nil
    ) async throws -> TestResponse {
        var all = fields
        if fields["csrf"] == nil { all["csrf"] = csrf ?? self.csrf }
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var sent = headers ?? [.cookie: self.cookie, .origin: WebFixture.origin]
        sent[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: sent, body: ByteBuffer(string: body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
