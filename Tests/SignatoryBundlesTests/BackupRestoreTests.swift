import Foundation
import SignatoryBundles
import SignatoryDomain
import Synchronization
import TestSupport
import Testing

@testable import SignatoryStore

/// An office restored from a backup after it had sent changes: if it takes in what its peers
/// hold before writing, it simply continues; if it already wrote, it continues under a new
/// identity that its old key vouches for, and nothing typed on either side is lost.
struct BackupRestoreTests {
    let fixture: SyncFixture
    let bucharest: Store
    let backup: String
    let before: Organisation
    let sent: Organisation

    init() throws {
        self.fixture = try SyncFixture(offices: 2)
        let geneva = self.fixture.offices[0]
        self.bucharest = self.fixture.offices[1]
        self.before = Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH")
        try geneva.insert(self.before)
        try self.fixture.send(from: geneva, to: self.bucharest)
        self.backup = self.fixture.folder.path("geneva-backup.db")
        try geneva.backup(to: self.backup)
        // After the backup Geneva writes and sends more, then its disk dies.
        self.sent = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
        try geneva.insert(self.sent)
        try self.fixture.send(from: geneva, to: self.bucharest)
    }

    private func restored() throws -> Store {
        let path = self.fixture.folder.path("geneva-restored-\(UUID()).db")
        try FileManager.default.copyItem(atPath: self.backup, toPath: path)
        return try Store.open(at: path)
    }

    @Test func takingInThePeersCopyFirstContinuesTheFeed() throws {
        let geneva = try self.restored()
        #expect(try geneva.organisation(self.sent.id) == nil)
        _ = try BundleImporter(store: geneva).importBundle(at: try self.fixture.bundle(from: self.bucharest))
        #expect(try geneva.organisation(self.sent.id) != nil)
        try geneva.insert(Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO"))
        try self.fixture.send(from: geneva, to: self.bucharest)
        #expect(try geneva.canonicalDump() == self.bucharest.canonicalDump())
    }

    /// A peer's copy of this office's feed whose signed head matches the feed held here, but
    /// with a line changed on the way, was altered: it is refused as such, and the office is not
    /// sent to `office recover` as if its database had gone back in time.
    @Test func aCopyOfTheOwnFeedAlteredOnTheWayIsNotTakenForARestore() throws {
        let geneva = self.fixture.offices[0]
        let path = try self.fixture.bundle(from: self.bucharest)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(
            lines.firstIndex { Change(jsonLine: Data($0.utf8))?.office == geneva.office.id }
        )
        let original = try #require(Change(jsonLine: Data(lines[index].utf8)))
        var fields = original.fields
        fields["acronym"] = .salted(.text("DAF"), bases: [])
        lines[index] =
            Change(
                format: original.format,
                critical: original.critical,
                office: original.office,
                sequence: original.sequence,
                timestamp: original.timestamp,
                kind: original.kind,
                entityID: original.entityID,
                fields: fields,
                previousHash: original.previousHash
            ).jsonLine
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let before = try geneva.canonicalDump()
        let error = try #require(throws: SyncError.self) { try BundleImporter(store: geneva).importBundle(at: path) }
        #expect(!error.isOwnFeedFork, "\(error)")
        #expect("\(error)".contains("two different changes at position \(original.sequence)"), "\(error)")
        #expect("\(error)".contains("office recover"), "\(error)")
        #expect(try geneva.canonicalDump() == before)
    }

    @Test func aForkedOfficeContinuesUnderANewIdentity() throws {
        let geneva = try self.restored()
        let typedAfterRestore = Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO")
        try geneva.insert(typedAfterRestore)
        // Peers refuse the forked feed, and the office is told why.
        #expect(throws: SyncError.self) { try self.fixture.send(from: geneva, to: self.bucharest) }
        // The peer's full bundle, encrypted for this office as `sync export --all --for` writes it.
        let full = self.fixture.folder.path("full-for-geneva.age")
        _ = try BundleExporter(store: self.bucharest).export(
            to: full,
            encryptedFor: [try self.bucharest.recipient(of: geneva.office.id)]
        )
        #expect {
            _ = try BundleImporter(store: geneva).importBundle(at: full)
        } throws: { ($0 as? SyncError)?.isOwnFeedFork == true }

        let dumpBefore = try geneva.canonicalDump()
        let report = try FeedRecovery(store: geneva).recover(using: full, into: self.fixture.folder.path("geneva-2.db"))
        #expect(report.forkedAt == 2 && report.rewritten == 1)
        #expect(try geneva.canonicalDump() == dumpBefore, "the old database is left as it was")
        let recovered = try Store.open(at: self.fixture.folder.path("geneva-2.db"))
        #expect(recovered.office.id != geneva.office.id)
        for organisation in [self.before, self.sent] { #expect(try recovered.organisation(organisation.id) != nil) }
        #expect(try recovered.organisations().contains { $0.name == typedAfterRestore.name })

        // Bucharest trusts the new card because the old key signed it, and both converge.
        let card = try recovered.officeCard()
        #expect(card.isSuccessor(of: try geneva.officeCard()))
        try self.bucharest.trust(card)
        try self.fixture.send(from: recovered, to: self.bucharest)
        try self.fixture.send(from: self.bucharest, to: recovered)
        #expect(try recovered.canonicalDump() == self.bucharest.canonicalDump())

        // A card claiming a succession the old key did not sign is refused.
        let forged = OfficeCard(
            id: ID(),
            name: "Geneva",
            publicKey: card.publicKey,
            succeeds: OfficeCard.Succession(office: geneva.office.id, signature: card.succeeds!.signature)
        )
        #expect(throws: StoreError.self) { try self.bucharest.trust(forged) }
    }

    @Test func aBackupIsNeverWrittenOverAFileOrTheDatabase() throws {
        let geneva = self.fixture.offices[0]
        #expect(throws: FileWriteError.self) { try geneva.backup(to: self.backup) }
        #expect(throws: FileWriteError.self) { try geneva.backup(to: geneva.database.path) }
        let mode = try FileManager.default.attributesOfItem(atPath: self.backup)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A peer's edit made while the restored office retyped the same field is not replaced by
    /// the recovery: the recovered change replaces only what the typed one had seen, so the two
    /// stand as a conflict on both sides, with neither value lost.
    @Test func aPeersConcurrentEditSurvivesTheRecoveryAsAConflict() throws {
        let geneva = try self.restored()
        var typed = self.before
        typed.notes = "Typed in Geneva after the restore"
        try geneva.update(typed)
        var peers = self.before
        peers.notes = "Typed in Bucharest meanwhile"
        try self.bucharest.update(peers)

        let recovered = try self.recover(geneva)
        let conflict = try #require(try recovered.conflicts().first { $0.recordID == self.before.id.description })
        #expect(conflict.field == "notes")
        #expect(Set([conflict.winner.value, conflict.loser.value]) == [.text(typed.notes), .text(peers.notes)])

        try self.bucharest.trust(try recovered.officeCard())
        try self.fixture.send(from: recovered, to: self.bucharest)
        try self.fixture.send(from: self.bucharest, to: recovered)
        #expect(try recovered.canonicalDump() == self.bucharest.canonicalDump())
        #expect(try self.bucharest.conflicts().contains { $0.recordID == self.before.id.description })
    }

    /// Recovery takes in the other offices' feeds before this office's own: a peer's edit of
    /// one of this office's records waits for the record instead of failing the recovery.
    @Test func aPeersEditOfThisOfficesRecordDoesNotStopTheRecovery() throws {
        let geneva = try self.restored()
        var edited = self.before
        edited.notes = "Edited in Bucharest"
        try self.bucharest.update(edited)
        try self.fixture.sendOwnFeed(from: self.bucharest, to: geneva)
        try geneva.insert(Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO"))
        let recovered = try self.recover(geneva)
        #expect(try recovered.organisation(self.before.id)?.notes == edited.notes)
    }

    /// A peer that holds the change the restore lost, offered the forked feed from the next
    /// position on (as a hub that never had that change pages it), is told what may have happened.
    @Test func aPeerOfferedTheRestPastTheLostChangeIsToldTheFeedMayHaveForked() throws {
        let geneva = try self.restored()
        for name in ["Romanian Independent Society of Human Rights", "Human Rights Without Frontiers"] {
            try geneva.insert(Organisation(name: name))
        }
        let (bytes, _) = try BundleExporter(store: geneva).page(
            have: [geneva.office.id: 2],
            only: [geneva.office.id],
            limit: Int.max
        )
        let before = try self.bucharest.canonicalDump()
        let error = try #require(throws: SyncError.self) {
            try BundleImporter(store: self.bucharest).importBundle(from: LineReader(bytes: bytes))
        }
        #expect("\(error)".contains("broken at position 3"), "\(error)")
        #expect("\(error)".contains("restored from a backup") && "\(error)".contains("office recover"), "\(error)")
        #expect(try self.bucharest.canonicalDump() == before)
    }

    /// Two edits of one field typed one after the other after the restore stay in that order:
    /// the second replaces the first, as it did when it was typed.
    @Test func editsTypedInTurnAfterTheRestoreStayInTurn() throws {
        let geneva = try self.restored()
        var typed = self.before
        for notes in ["First note", "Second note"] {
            typed.notes = notes
            try geneva.update(typed)
        }
        let recovered = try self.recover(geneva)
        #expect(try recovered.organisation(self.before.id)?.notes == "Second note")
        #expect(try recovered.conflicts().isEmpty)
    }

    /// A bundle that cannot show this office's feed whole is refused, never read as "no fork":
    /// the restored database and the target path are left as they were.
    @Test(arguments: ["altered value", "broken hash", "cut short", "untrusted writer"])
    func aDamagedOrForeignBundleIsRefused(_ damage: String) throws {
        let geneva = try self.restored()
        try geneva.insert(Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO"))
        let full = self.fixture.folder.path("full-\(UUID()).jsonl")
        let writer = damage == "untrusted writer" ? try SyncFixture(offices: 1).offices[0] : self.bucharest
        _ = try BundleExporter(store: writer).export(to: full)
        var lines = try String(contentsOfFile: full, encoding: .utf8).split(separator: "\n").map(String.init)
        // This office's change 2, on a line after the header.
        let own = lines.indices.dropFirst().first {
            lines[$0].contains(#""office":"\#(geneva.office.id)","sequence":2"#)
        }
        switch damage {
        case "altered value":
            let index = try #require(own)
            #expect(lines[index].contains(#""value":"CAP""#))
            lines[index] = lines[index].replacingOccurrences(of: #""value":"CAP""#, with: #""value":"CAQ""#)
        case "broken hash":
            let index = try #require(own)
            let hash = try #require(lines[index].range(of: #""hash":""#))
            let digit = lines[index].index(hash.upperBound, offsetBy: 3)
            lines[index].replaceSubrange(digit...digit, with: lines[index][digit] == "0" ? "1" : "0")
        case "cut short": lines.removeLast()
        default: break
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: full, atomically: true, encoding: .utf8)
        let dump = try geneva.canonicalDump()
        let target = self.fixture.folder.path("recovered-\(UUID()).db")
        #expect(throws: SyncError.self) { try FeedRecovery(store: geneva).recover(using: full, into: target) }
        #expect(try geneva.canonicalDump() == dump)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// A peer that holds less of this office's feed than it wrote cannot show a fork past that:
    /// the recovery is refused, saying how far its copy goes, and nothing is written.
    @Test func aPeerCopyThatEndsEarlierSaysWhereItEnds() throws {
        let geneva = try self.restored()
        let early = try SyncFixture(offices: 1).offices[0]
        try early.trust(try geneva.officeCard())
        try geneva.trust(try early.officeCard())
        _ = try BundleImporter(store: early).importBundle(at: try self.fixture.bundle(from: geneva))
        try geneva.insert(Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO"))
        let full = self.fixture.folder.path("early-\(UUID()).jsonl")
        _ = try BundleExporter(store: early).export(to: full)
        let dump = try geneva.canonicalDump()
        let refused = #expect(throws: SyncError.self) {
            try FeedRecovery(store: geneva).recover(using: full, into: self.fixture.folder.path("r.db"))
        }
        #expect(refused?.code == .forkNotShown)
        #expect(refused.map(String.init(describing:))?.contains("ends at position 1") == true)
        #expect(try geneva.canonicalDump() == dump)
        #expect(!FileManager.default.fileExists(atPath: self.fixture.folder.path("r.db")))
    }

    /// Once recovered, the old database takes no more changes, so nothing is typed
    /// where no peer takes it, and it cannot be recovered a second time (which would write the
    /// lost changes again, newer than the peers' later edits).
    @Test func theOldDatabaseTakesNoMoreChangesOnceRecovered() throws {
        let geneva = try self.restored()
        try geneva.insert(Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO"))
        let (report, recovered) = try self.fixture.recover(geneva, from: self.bucharest)
        let successor = try #require(try geneva.successor())
        #expect(successor.office == report.newOffice && successor.office == recovered.office.id)
        #expect(FileManager.default.fileExists(atPath: successor.path))

        let dump = try geneva.canonicalDump()
        let feed = try geneva.feedEnd(of: geneva.office.id)
        #expect {
            try geneva.insert(Organisation(name: "Typed in the old database", acronym: "OLD"))
        } throws: { ($0 as? StoreError)?.code == .succeeded }
        #expect(throws: StoreError.self) { _ = try self.fixture.recover(geneva, from: self.bucharest) }
        // Nor does it send its forked feed anywhere: the new database holds all it held.
        let bundle = self.fixture.folder.path("from-the-old-database.jsonl")
        #expect(throws: StoreError.self) { _ = try BundleExporter(store: geneva).export(to: bundle) }
        #expect(throws: StoreError.self) { _ = try BundleExporter(store: geneva).nextPushPage(known: [:], limit: 100) }
        #expect(!FileManager.default.fileExists(atPath: bundle))
        // Nor does it take the peers' changes: the new database does, and the user is sent there.
        let peers = try self.fixture.bundle(from: self.bucharest)
        #expect {
            _ = try BundleImporter(store: geneva).importBundle(at: peers)
        } throws: { ($0 as? StoreError)?.code == .succeeded }
        #expect(try geneva.canonicalDump() == dump)
        #expect(try geneva.feedEnd(of: geneva.office.id) == feed)
    }

    /// A backup (made before the recovery, or after the fork) is not restored over a recovered
    /// database: the office continues in the new one, and the old one stays as it was.
    @Test func aBackupIsNotRestoredOverARecoveredDatabase() throws {
        let path: String
        let dump: String
        do {
            let geneva = try self.restored()
            try geneva.insert(Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO"))
            _ = try self.fixture.recover(geneva, from: self.bucharest)
            path = geneva.database.path
            dump = try geneva.canonicalDump()
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: self.fixture.folder.url.path)
        #expect {
            _ = try Store.restore(from: self.backup, to: path)
        } throws: { ($0 as? StoreError)?.code == .succeeded }
        let reopened = try Store.open(at: path)
        #expect(try reopened.successor() != nil && reopened.canonicalDump() == dump)
        // Nothing was set aside either.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: self.fixture.folder.url.path).sorted() == files.sorted()
        )
    }

    /// Changes typed in the old database while it is recovered either reach the new one or are
    /// refused: the recovery holds the old database's write lock from reading its feed to marking it.
    @Test func aChangeTypedInTheOldDatabaseDuringRecoveryIsNeverLeftBehind() throws {
        let geneva = try self.restored()
        try geneva.transaction {
            for index in 0..<1_500 { try geneva.insert(Organisation(name: "Typed after the restore \(index)")) }
        }
        let path = geneva.database.path
        let typist = Typist()
        let started = DispatchSemaphore(value: 0)
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            defer { stopped.signal() }
            typist.type(into: path, started: started)
        }.start()
        started.wait()
        let (_, recovered) = try self.fixture.recover(geneva, from: self.bucharest)
        stopped.wait()
        let held = Set(try recovered.organisations().map(\.name))
        let leftBehind = typist.written.filter { !held.contains($0) }
        #expect(leftBehind.isEmpty, "\(leftBehind.count) typed, then left behind: \(leftBehind.prefix(3))")
        #expect(typist.ending != nil, "typing in the old database never stopped")
    }

    /// Types organisations into a database from a connection of its own until one is refused.
    private final class Typist: Sendable {
        private let state = Mutex<(written: [String], ending: String?)>(([], nil))

        var written: [String] { self.state.withLock { $0.written } }
        var ending: String? { self.state.withLock { $0.ending } }

        func type(into path: String, started: DispatchSemaphore) {
            do {
                let store = try Store.open(at: path)
                started.signal()
                for index in 0..<100_000 {
                    let name = "Typed during the recovery \(index)"
                    try store.insert(Organisation(name: name))
                    self.state.withLock { $0.written.append(name) }
                    // A person types with pauses: without them this connection could take the write
                    // lock back after every insert and starve the recovery on a loaded machine.
                    usleep(1_000)
                }
            } catch {
                started.signal()
                self.state.withLock { $0.ending = String(describing: error) }
            }
        }
    }

    /// Recovers `geneva` from Bucharest's full bundle into a new file.
    private func recover(_ geneva: Store) throws -> Store {
        let (report, recovered) = try self.fixture.recover(geneva, from: self.bucharest)
        #expect(report.forkedAt == 2)
        return recovered
    }
}
