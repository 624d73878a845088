import Foundation
import TestSupport
import Testing

/// A hub, or anyone on the path to it, may answer anything: the office refuses with one line
/// and writes nothing.
struct HostileHubTests {
    /// Serves every pull with one page claiming one change and `remaining` more; prints its URL.
    private static let server = """
        import http.server, json, sys
        remaining = sys.argv[1]
        office = "6f1c1b1e-3c2a-4d5e-8f90-123456789abc"
        head = {"office": office, "sequence": 1, "hash": "0" * 64, "signature": "AAAA"}
        page = json.dumps({"format": "signatory-bundle", "version": 1, "from": office, "fromName": "Hub",
                           "have": {office: 1}, "heads": [head], "changes": 1}) + "\\n{}\\n"
        class Handler(http.server.BaseHTTPRequestHandler):
            def reply(self, body, extra):
                self.send_response(200)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                self.reply(json.dumps({"office": office, "name": "Hub", "have": {office: 1}}).encode(), {})
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.reply(page.encode(), {"Signatory-Remaining": remaining})
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    @Test func aFailedPullLeavesNothingInTheTemporaryFolder() throws {
        let office = try OfficeFixture()
        let temporary = try TemporaryDirectory()
        let result = try SignatoryExecutable.run(
            ["sync", "pull", "--hub", "http://127.0.0.1:1", "--db", office.database],
            environment: ["TMPDIR": temporary.url.path]
        )
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.url.path).isEmpty)
    }

    @Test func absurdCountsFromAHubAreRefused() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        for remaining in ["9223372036854775807", "-1", "1e9", ""] {
            let output = Pipe()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", Self.server, remaining]
            process.standardOutput = output
            // Not the test runner's own output: a server left holding it would keep `swift test` waiting.
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer {
                // SIGTERM may be blocked in a child of the test process; SIGKILL is not.
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            let port = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines
            )
            let message = try office.refuse(["sync", "pull", "--hub", "http://127.0.0.1:\(port)"])
            #expect(message.hasPrefix("Error:") && message.contains("Signatory-Remaining"), "\(remaining): \(message)")
        }
    }

    /// Answers the version vector with `have` and refuses every push.
    private static let vectorServer = """
        import http.server, json, sys
        have = json.loads(sys.argv[1])
        class Handler(http.server.BaseHTTPRequestHandler):
            def reply(self, status, body):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                self.reply(200, json.dumps({"office": "6f1c1b1e-3c2a-4d5e-8f90-123456789abc", "name": "Hub",
                                            "have": have}).encode())
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.reply(422, b'{"code":"bundle_refused","message":"refused","status":422}')
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Positions a hub claims for this office's feed, at the ends of Int64, never trap a push.
    @Test func extremePositionsInTheHubsVectorDoNotTrap() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let card = try #require(
            try JSONSerialization.jsonObject(with: Data(try office.succeed(["office", "card"]).utf8)) as? [String: Any]
        )
        let id = try #require(card["id"] as? String)
        for (position, pushes) in [("-9223372036854775808", true), ("9223372036854775807", false), ("-1", true)] {
            let output = Pipe()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", Self.vectorServer, #"{"\#(id)": \#(position)}"#]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            let port = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines
            )
            let result = try office.run(["sync", "push", "--hub", "http://127.0.0.1:\(port)"])
            if pushes {
                // The whole feed is offered, and the hub's refusal is reported in one line.
                #expect(result.status == 1 && result.stderr.hasPrefix("Error: "), "\(position): \(result.stderr)")
            } else {
                #expect(result.status == 0 && result.output.hasPrefix("pushed 0 change(s)"), "\(position)")
            }
        }
    }
}
