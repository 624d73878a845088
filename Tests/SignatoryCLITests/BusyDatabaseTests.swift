import Foundation
import SignatoryStore
import TestSupport
import Testing

/// When another process holds the database's write lock, commands wait, then fail with one
/// clear line; the hub answers 503 with Retry-After and keeps serving. Nothing crashes.
struct BusyDatabaseTests {
    /// Holds `path`'s write lock (as another command mid-write would) while `body` runs.
    private func whileLocked<T>(_ path: String, _ body: () async throws -> T) async throws -> T {
        let store = try Store.open(at: path)
        try store.database.execute("BEGIN IMMEDIATE")
        defer { try? store.database.execute("ROLLBACK") }
        return try await body()
    }

    @Test func commandsWaitThenSayTheDatabaseIsBusy() async throws {
        let geneva = try OfficeFixture()
        let bucharest = try OfficeFixture()
        try bucharest.succeed(["office", "trust", try geneva.card()])
        _ = try geneva.addReferenceStatement()
        let bundle = geneva.folder.path("for-bucharest.jsonl")
        try geneva.succeed(["sync", "export", "--plaintext", "--out", bundle])
        let before = try bucharest.succeed(["sync", "dump"])
        let environment = ["SIGNATORY_BUSY_TIMEOUT": "1"]
        for arguments in [
            ["sync", "import", bundle], ["org", "add", "--name", "Romanian Independent Society of Human Rights"],
        ] {
            let result = try await self.whileLocked(bucharest.database) {
                try SignatoryExecutable.run(arguments + ["--db", bucharest.database], environment: environment)
            }
            #expect(result.status == 1, "\(arguments) ended with \(result.status): \(result.stderr)")
            #expect(
                result.stderr
                    == "Error: the database is busy: another signatory command or a hub is writing to it; wait a moment and run the command again\n"
            )
        }
        #expect(try bucharest.succeed(["sync", "dump"]) == before)
        // Once the lock is released the same import goes through.
        try bucharest.succeed(["sync", "import", bundle])
    }

    @Test func concurrentCommandsAllSucceed() throws {
        let office = try OfficeFixture()
        let running = try (0..<100).map { index in
            try SignatoryExecutable.start(["org", "add", "--name", "Organisation \(index)", "--db", office.database])
        }
        let results = try running.map { try $0.wait() }
        let failures = results.filter { $0.status != 0 }.map(\.stderr)
        #expect(failures.isEmpty, "\(failures.count) of 100 failed: \(failures.prefix(3))")
        #expect(try office.succeed(["org", "list"]).split(separator: "\n").count >= 100)
    }

    @Test func theHubAnswers503WhileItsDatabaseIsBusy() async throws {
        let fixture = try HubFixture(offices: ["Geneva"])
        let geneva = fixture.offices[0]
        _ = try geneva.addReferenceStatement()
        let bundle = geneva.folder.path("push.jsonl")
        try geneva.succeed(["sync", "export", "--plaintext", "--out", bundle])
        let signer = try HubHTTP.Signer.office(at: geneva.database)
        let before = try fixture.hubDump()
        let (push, health) = try await self.whileLocked(fixture.hubDatabase) {
            let push = try await HubHTTP(base: fixture.url).send(
                "POST",
                "/v1/sync/push",
                body: try Data(contentsOf: URL(fileURLWithPath: bundle)),
                as: signer
            )
            let health = try await HubHTTP(base: fixture.url).send("GET", "/health", as: nil)
            return (push, health)
        }
        #expect(
            push.status == 503 && push.headers["retry-after"] == "2" && push.code == "busy",
            "\(push.status) \(push.headers)"
        )
        #expect(health.status == 200)
        #expect(try fixture.hubDump() == before)
        // The hub is still up, and the push goes through now.
        try fixture.syncNow(geneva)
    }
}
