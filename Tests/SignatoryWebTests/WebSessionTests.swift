import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SignatoryWeb

/// The sign-in, and the refusals that keep another site or another user out: each writes nothing.
struct WebSessionTests {
    @Test func theTokenSignsInOnceWithAStrictHttpOnlyCookie() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let login = try await client.execute(uri: "/login?token=\(WebFixture.loginToken)", method: .get)
            #expect(login.status == .seeOther)
            let cookie = try #require(login.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let again = try await client.execute(uri: "/login?token=\(WebFixture.loginToken)", method: .get)
            #expect(again.status == .unauthorized)
            #expect(String(buffer: again.body).contains("used already"))
        }
    }

    @Test func aWrongTokenOrNoSessionSeesNothing() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let wrong = try await client.execute(uri: "/login?token=\(String(repeating: "0", count: 64))", method: .get)
            #expect(wrong.status == .unauthorized)
            for path in [
                "/", "/statements/\(fixture.statement)", "/sync", "/exports",
                "/exports/download?format=csv&audience=internal",
            ] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .unauthorized, "\(path)")
                #expect(!String(buffer: response.body).contains("Humenuc"), "\(path)")
            }
            let forged = try await client.execute(
                uri: "/",
                method: .get,
                headers: [.cookie: "signatory_session=forged"]
            )
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func postsWithoutSessionTokenOrOriginWriteNothing() async throws {
        let fixture = try WebFixture()
        let before = try fixture.dump()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let form = ["name": "Campaign that must not exist"]
            let refusals: [(String, TestResponse)] = [
                (
                    "no session",
                    try await session.post(client, "/campaigns", form, headers: [.origin: WebFixture.origin])
                ),
                ("no CSRF token", try await session.post(client, "/campaigns", form.merging(["csrf": ""]) { $1 })),
                (
                    "wrong CSRF token",
                    try await session.post(client, "/campaigns", form, csrf: String(repeating: "a", count: 64))
                ),
                (
                    "another origin",
                    try await session.post(
                        client,
                        "/campaigns",
                        form,
                        headers: [.cookie: session.cookie, .origin: "http://evil.example"]
                    )
                ),
                (
                    "another site",
                    try await session.post(
                        client,
                        "/campaigns",
                        form,
                        headers: [.cookie: session.cookie, HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]
                    )
                ),
                (
                    "neither origin nor fetch site",
                    try await session.post(client, "/campaigns", form, headers: [.cookie: session.cookie])
                ),
            ]
            for (why, response) in refusals {
                #expect([.unauthorized, .forbidden].contains(response.status), "\(why): \(response.status)")
            }
            // The same form from the app's own page goes through: the refusals were for their reasons.
            let accepted = try await session.post(client, "/campaigns", form)
            #expect(accepted.status == .seeOther)
        }
        let after = try fixture.dump()
        #expect(after != before)
        #expect(
            after.components(separatedBy: "Campaign that must not exist").count == 3,
            "one campaign: record and row"
        )
    }

    @Test func everyPostRouteChecksTheCSRFToken() async throws {
        let fixture = try WebFixture()
        let before = try fixture.dump()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let statement = fixture.statement
            let posts: [(String, [String: String])] = [
                ("/campaigns", ["name": "X"]),
                ("/campaigns/\(fixture.campaign)/statements", ["title": "X", "body": "Y"]),
                ("/statements/\(statement)/status", ["status": "closed"]),
                ("/statements/\(statement)/cosigners", ["organisation": "new", "name": "X", "confirmNew": "yes"]),
                ("/statements/\(statement)/import/confirm", ["upload": "x"]),
                ("/conflicts/\(UUID())", ["keep": "kept"]),
                ("/duplicates/merge", ["keep": "\(UUID())", "duplicate": "\(UUID())"]),
            ]
            for (path, form) in posts {
                let response = try await session.post(client, path, form, csrf: String(repeating: "b", count: 64))
                #expect(response.status == .forbidden, "\(path): \(response.status)")
            }
        }
        #expect(try fixture.dump() == before)
    }

    @Test func onlyLoopbackNamesAreServed() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let port = try #require(client.port)
            let raw = TestClient(
                host: "127.0.0.1",
                port: port,
                configuration: .init(),
                eventLoopGroupProvider: .createNew
            )
            raw.connect()
            defer { Task { try? await raw.shutdown() } }
            for authority in [
                "evil.example:\(port)", "127.0.0.1:\(port)@evil.example", "127.0.0.1:abc", "127.0.0.1:99999",
                "127.0.0.2:\(port)", "localhost.:\(port)",
            ] {
                let response = try await raw.execute(.init("/", method: .get, authority: authority))
                #expect(response.status == .misdirectedRequest, "\(authority)")
            }
            // A second Host, as a request smuggled past a proxy would carry, is not served either.
            let twice = try await raw.execute(
                .init(
                    "/",
                    method: .get,
                    authority: "127.0.0.1:\(port)",
                    headers: [HTTPField.Name("Host")!: "evil.example"]
                )
            )
            #expect(twice.status == .misdirectedRequest)
            // The negative control: the loopback name with the port is served (401 without a session).
            let own = try await raw.execute(.init("/", method: .get, authority: "127.0.0.1:\(port)"))
            #expect(own.status == .unauthorized)
        }
        #expect(throws: WebAppError.self) {
            try WebApp(configuration: WebConfiguration(host: "0.0.0.0", databasePath: fixture.path))
        }
        #expect(SessionMiddleware.hostName(of: "[::1]:8080") == "[::1]")
        #expect(SessionMiddleware.hostName(of: "127.0.0.1:8080") == "127.0.0.1")
    }
}
