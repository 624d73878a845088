import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

struct HubRefusalTests {
    /// Geneva's changes as a bundle, ready to push.
    static func bundle(from office: OfficeFixture) throws -> Data {
        let path = office.folder.path("push-\(UUID().uuidString).jsonl")
        try office.succeed(["sync", "export", "--plaintext", "--out", path])
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A push whose client closes the connection halfway through the body failed on the client's
    /// side: the hub logs a bad request, not an internal error that would page its operator.
    @Test func aBodyCutOffMidwayIsLoggedAsTheClientsFailure() throws {
        let fixture = try HubFixture(offices: ["Geneva"])
        let signer = try HubHTTP.Signer.office(at: fixture.offices[0].database)
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 4_096)
        var head = "POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in try RequestSignature.headers(
            method: "POST",
            target: "/v1/sync/push",
            bodyDigest: RequestSignature.digest(body),
            office: signer.office,
            keys: signer.keys
        ) {
            head += "\(name): \(value)\r\n"
        }
        let port = try #require(URL(string: fixture.url)?.port)
        let before = try fixture.hubDump()
        try Self.sendAndClose(Array((head + "\r\n").utf8) + body.prefix(1_000), port: UInt16(port))
        let hub = try #require(fixture.hub)
        let deadline = Date().addingTimeInterval(30)
        while !hub.logText.contains("incomplete_body"), !hub.logText.contains("internal_error"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(hub.logText.contains("code=incomplete_body"), "\(hub.logText)")
        #expect(!hub.logText.contains("internal_error"), "\(hub.logText)")
        #expect(try fixture.hubDump() == before)
    }

    /// Sends `bytes` to the loopback address on `port` and closes the connection unanswered.
    static func sendAndClose(_ bytes: [UInt8], port: UInt16) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        try #require(sent == bytes.count)
    }

    @Test func everyRefusalLeavesTheHubUnchanged() async throws {
        let fixture = try HubFixture(offices: ["Geneva", "Bucharest"], hubArguments: ["--max-body-mb", "1"])
        let (geneva, bucharest) = (fixture.offices[0], fixture.offices[1])
        _ = try geneva.addReferenceStatement()
        let http = HubHTTP(base: fixture.url)
        let signer = try HubHTTP.Signer.office(at: geneva.database)
        let bundle = try Self.bundle(from: geneva)
        let before = try fixture.hubDump()

        func refused(
            _ status: Int,
            _ code: String,
            _ answer: HubHTTP.Answer,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            #expect(
                answer.status == status,
                "\(String(decoding: answer.body, as: UTF8.self))",
                sourceLocation: sourceLocation
            )
            #expect(answer.code == code, sourceLocation: sourceLocation)
            #expect(
                answer.json?["message"] is String && answer.json?["status"] as? Int == status,
                sourceLocation: sourceLocation
            )
            #expect(try fixture.hubDump() == before, "the hub changed", sourceLocation: sourceLocation)
        }

        // No credentials: the answer says nothing about the data.
        try refused(401, "unauthenticated", try await http.send("POST", "/v1/sync/push", body: bundle, as: nil))
        try refused(401, "unauthenticated", try await http.send("GET", "/v1/organisations", as: nil))
        // The right office id with the wrong key, and an office the hub never enrolled.
        try refused(
            401,
            "unauthenticated",
            try await http.send(
                "POST",
                "/v1/sync/push",
                body: bundle,
                as: .init(office: signer.office, keys: OfficeKeys())
            )
        )
        try refused(
            401,
            "unauthenticated",
            try await http.send("GET", "/v1/campaigns", as: .init(office: ID(), keys: OfficeKeys()))
        )
        // A bundle tampered with after it was signed.
        var text = String(decoding: bundle, as: UTF8.self)
        text = text.replacingOccurrences(of: "Thierry Valle", with: "Thierry Vallée")
        try refused(
            422,
            "bundle_refused",
            try await http.send("POST", "/v1/sync/push", body: Data(text.utf8), as: signer)
        )
        // Another office's bundle, pushed by Geneva.
        try bucharest.succeed(["org", "add", "--name", "Bucharest's own", "--country", "RO"])
        try refused(
            403,
            "forbidden",
            try await http.send("POST", "/v1/sync/push", body: try Self.bundle(from: bucharest), as: signer)
        )
        // A body over the hub's limit, and bodies that are not what the endpoint reads.
        try refused(
            413,
            "body_too_large",
            try await http.send("POST", "/v1/sync/push", body: Data(count: 2 << 20), as: signer)
        )
        try refused(
            400,
            "malformed_json",
            try await http.send("POST", "/v1/sync/pull", body: Data("{not json".utf8), as: signer)
        )
        try refused(
            400,
            "malformed_bundle",
            try await http.send("POST", "/v1/sync/push", body: Data("hello\n".utf8), as: signer)
        )
        // A body that is not the one signed.
        try refused(
            401,
            "unauthenticated",
            try await http.send("POST", "/v1/sync/push", body: bundle, signing: Data("x".utf8), as: signer)
        )
        // A revoked office.
        #expect(
            try HubFixture.succeed(["hub", "revoke", "Geneva", "--db", fixture.hubDatabase]).contains(
                "revoked Geneva ("
            )
        )
        #expect(
            try HubFixture.succeed(["hub", "revoke", "Geneva", "--db", fixture.hubDatabase]).contains(
                "was already revoked"
            )
        )
        let revokedDump = try fixture.hubDump()
        let revoked = try await http.send("POST", "/v1/sync/push", body: bundle, as: signer)
        #expect(revoked.status == 403 && revoked.code == "forbidden")
        #expect(try fixture.hubDump() == revokedDump)
        let cli = try geneva.run(["sync", "now", "--hub", fixture.url])
        #expect(cli.status != 0 && cli.stderr.contains("403") && cli.stderr.contains("revoked"))
    }

    @Test func badHubCommandsAreRefusedWithoutWriting() throws {
        let office = try OfficeFixture()
        try office.refuse(["sync", "push", "--hub", "not a url"])
        try office.refuse(["sync", "pull", "--hub", "ftp://hub.example"])
        let unreachable = try office.refuse(["sync", "now", "--hub", "http://127.0.0.1:9"])
        #expect(unreachable.contains("cannot reach the hub"))
        try office.refuse(["hub", "enroll", office.folder.path("missing.card")])
        try office.refuse(["hub", "enroll", try office.card()])
        try office.refuse(["hub", "revoke", "Nobody"])
        try office.refuse(["serve", "--port", "70000"])
    }

    /// A hub or web app that cannot listen says why in words, and writes nothing.
    @Test func aServerThatCannotListenSaysWhy() throws {
        let office = try OfficeFixture()
        // Another office's hub holds the port.
        let other = try OfficeFixture()
        let hub = try HubProcess(database: other.database)
        let port = try #require(hub.url.split(separator: ":").last.map(String.init))
        let cases: [([String], String)] = [
            (
                ["serve", "--port", port],
                "cannot listen on port \(port) of 127.0.0.1: another program, or another signatory, uses it"
            ),
            (
                ["ui", "--port", port],
                "cannot listen on port \(port) of 127.0.0.1: another program, or another signatory, uses it"
            ),
            (
                ["serve", "--host", "999.1.1.1", "--port", "0"],
                "cannot listen on 999.1.1.1: no address of that name was found"
            ),
            (
                ["serve", "--host", "192.0.2.1", "--port", "0"],
                "cannot listen on 192.0.2.1: it is not an address of this computer"
            ),
        ]
        let before = fileBytes(office.database)
        for (arguments, expected) in cases {
            let result = try office.run(arguments)
            #expect(result.status != 0 && result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            // The server opened the database before it tried to listen: SQLite may leave its
            // journal behind, empty, but nothing is written.
            #expect(fileBytes(office.database) == before && (fileBytes(office.database + "-wal")?.isEmpty ?? true))
        }
        withExtendedLifetime((other, hub)) {}
    }
}

extension HubRefusalTests {
    /// Hostile credential headers, sent before any login, are 401 and the hub keeps serving.
    @Test func hostileTimestampsAreRefusedWithoutCrashingTheHub() async throws {
        let fixture = try HubFixture(offices: ["Geneva"])
        let office = try HubHTTP.Signer.office(at: fixture.offices[0].database).office
        for timestamp in ["-9223372036854775808", "9223372036854775807", "99999999999999999999", "+5", " 5", "1e3", ""]
        {
            var request = URLRequest(url: URL(string: fixture.url + "/v1/organisations")!)
            request.setValue(office.description, forHTTPHeaderField: "Signatory-Office")
            request.setValue(timestamp, forHTTPHeaderField: "Signatory-Timestamp")
            request.setValue("AAAA", forHTTPHeaderField: "Signatory-Signature")
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 401, "timestamp '\(timestamp)'")
        }
        #expect(try await HubHTTP(base: fixture.url).send("GET", "/health", as: nil).status == 200)
        let signer = try HubHTTP.Signer.office(at: fixture.offices[0].database)
        for limit in ["0", "-1", "-9223372036854775808"] {
            let answer = try await HubHTTP(base: fixture.url).send(
                "POST",
                "/v1/sync/pull",
                body: Data("{\"have\": {}, \"limit\": \(limit)}".utf8),
                as: signer
            )
            #expect(answer.status == 400, "limit \(limit)")
        }
    }
}
