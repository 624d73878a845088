import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignatoryBundles
import SignatoryDomain
import SignatoryStore
import Synchronization
import Testing

@testable import SignatoryHub

/// The hub shares its database with the commands run on its machine (`hub revoke`, `hub enroll`),
/// which write from another process.
struct WriteLockTests {
    /// Under a stream of pushes without pause the hub still lets go of the write lock now and then:
    /// otherwise an office pushing without pause could keep itself from being revoked.
    @Test func aRevocationGetsItsTurnWhilePushesArriveWithoutPause() async throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal, "Bucharest": .internal])
        let geneva = fixture.member("Geneva")
        try geneva.store.insert(
            organisations: (0..<2_000).map { Organisation(name: "Geneva member \($0)", acronym: "GM\($0)") }
        )
        let body = try BundleExporter(store: geneva.store).bundle(known: [:]).bytes
        let headers = try HubRouteFixture.signed("POST", "/v1/sync/push", body: body, by: geneva)
        let bucharest = fixture.member("Bucharest").id
        let hubPath = fixture.hubPath

        let revoked = try await fixture.withClient { client in
            let first = try await HubRouteFixture.post("/v1/sync/push", body, headers: headers, to: client)
            try #require(first.status == .ok)
            return try await withThrowingTaskGroup(of: Bool?.self) { group in
                let done = Done()
                // More pushers than a batch takes, so that pushes always wait; each replay is checked
                // line by line inside the write lock.
                for _ in 0..<24 {
                    group.addTask {
                        while !done.value {
                            let response = try await HubRouteFixture.post(
                                "/v1/sync/push",
                                body,
                                headers: headers,
                                to: client
                            )
                            #expect(response.status == .ok)
                        }
                        return nil
                    }
                }
                group.addTask {
                    defer { done.set() }
                    // Another connection, as `hub revoke` opens, waiting as long as half the CLI's.
                    return try await Task.detached {
                        let admin = try Store.open(at: hubPath, busyTimeoutMilliseconds: 15_000)
                        do {
                            try admin.revoke(bucharest)
                            return true
                        } catch let error as SQLiteError where error.isBusy {
                            return false
                        }
                    }.value
                }
                var revoked: Bool?
                for try await outcome in group where outcome != nil { revoked = outcome }
                return revoked
            }
        }
        #expect(revoked == true, "the revocation waited 15 s for the hub's write lock")
        #expect(try Store.open(at: hubPath).hubMember(bucharest)?.revokedAt != nil)
    }
}

extension WriteLockTests {
    /// A revocation waiting for the hub's write lock is dated when it takes effect, not when it
    /// was typed: the pushes the hub applies meanwhile are the office's last, and the date says so.
    @Test func aRevocationIsDatedWhenItTakesEffect() throws {
        let fixture = try HubRouteFixture(members: ["Geneva": .internal])
        let geneva = fixture.member("Geneva").id
        let hubPath = fixture.hubPath
        let holder = try Store.open(at: hubPath)
        try holder.database.execute("BEGIN IMMEDIATE")
        // The revocation waits on a thread of its own, and the lock is let go from this one: under
        // the whole suite, a task waiting in SQLite held one of the few threads that tasks share,
        // and the release came after the revocation had given up.
        let outcome = Mutex<Result<Void, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            defer { finished.signal() }
            let result = Result { try Store.open(at: hubPath, busyTimeoutMilliseconds: 20_000).revoke(geneva) }
            outcome.withLock { $0 = result }
        }.start()
        Thread.sleep(forTimeInterval: 0.5)
        let released = Date()
        try holder.database.execute("COMMIT")
        finished.wait()
        try #require(outcome.withLock { $0 }).get()
        let revokedAt = try #require(try Store.open(at: hubPath).hubMember(geneva)?.revokedAt)
        // Dates are kept to the millisecond.
        #expect(revokedAt >= released.addingTimeInterval(-0.001))
    }
}

private final class Done: Sendable {
    private let flag = Mutex(false)
    var value: Bool { self.flag.withLock { $0 } }
    func set() { self.flag.withLock { $0 = true } }
}

struct WriteBreakTests {
    let start = ContinuousClock.now

    func at(_ seconds: Double) -> ContinuousClock.Instant { self.start + .seconds(seconds) }

    @Test func aBreakIsDueAfterFiveSecondsOfWriting() {
        var breaks = WriteBreaks()
        breaks.start(at: self.at(0))
        #expect(!breaks.isDue(at: self.at(4.9)))
        #expect(breaks.isDue(at: self.at(5)))
        breaks.took(at: self.at(5.25))
        #expect(!breaks.isDue(at: self.at(10.2)))
        #expect(breaks.isDue(at: self.at(10.25)))
    }

    @Test func aQueueEmptiedForLessThanABreakIsNoBreak() {
        var breaks = WriteBreaks()
        breaks.start(at: self.at(0))
        breaks.stop(at: self.at(3))
        breaks.start(at: self.at(3.1))
        #expect(breaks.isDue(at: self.at(5)))
        breaks.stop(at: self.at(6))
        breaks.start(at: self.at(6.25))
        #expect(!breaks.isDue(at: self.at(11.2)))
        #expect(breaks.isDue(at: self.at(11.25)))
    }

    @Test func noBreakIsDueBeforeTheWriterStarts() {
        #expect(!WriteBreaks().isDue(at: self.at(60)))
    }
}
