import Foundation
import TestSupport
import Testing

/// `office recover` through the built executable, with bundle files between two offices.
struct OfficeRecoverCommandTests {
    /// Geneva is restored from a backup after sending, edits a person Bucharest then erases,
    /// and recovers: the edit is left out, as the erasure forbids, and the output says which.
    @Test func anEditOfAPersonErasedSinceIsListedAsLeftOut() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let ids = try geneva.addReferenceStatement()
        try SyncCommandTests.send(geneva, to: bucharest, for: "Bucharest")
        let backup = geneva.folder.path("backup.db")
        try geneva.succeed(["office", "backup", "--out", backup])
        try geneva.succeed(["org", "edit", "CAP", "--notes", "Sent before the restore"])
        try SyncCommandTests.send(geneva, to: bucharest, for: "Bucharest")

        try FileManager.default.removeItem(atPath: geneva.database)
        try FileManager.default.copyItem(atPath: backup, toPath: geneva.database)
        try geneva.succeed(["org", "add", "--name", "Human Rights Without Frontiers", "--acronym", "HRWF"])
        try geneva.succeed(["contact", "edit", ids.valle, "--title", "Director of advocacy"])
        let status = try #require(try geneva.json(["sync", "status"]) as? [String: Any])
        let own = (status["office"] as? [String: Any])?["name"] as? String
        let feeds = try #require(status["feeds"] as? [[String: Any]])
        let position = try #require(feeds.first { $0["name"] as? String == own }?["held"] as? Int)
        try bucharest.succeed(["contact", "erase", ids.valle, "--reason", "asked to be forgotten", "--yes"])

        let full = bucharest.folder.path("full.jsonl")
        try bucharest.succeed(["sync", "export", "--all", "--for", "Geneva", "--out", full])
        let recovered = geneva.folder.path("geneva-recovered.db")
        let output = try geneva.succeed(["office", "recover", "--from", full, "--out", recovered])
        #expect(output.contains("with 1 change(s) the peers had not received written again"), "\(output)")
        #expect(
            output.contains(
                "left out 1 change(s) typed here that edited a person erased since, here or at a peer, as the "
                    + "erasure forbids: position \(position) (an edit of contact \(ids.valle.prefix(8)))"
            ),
            "\(output)"
        )
        let dump = try SignatoryExecutable.run(["sync", "dump", "--db", recovered], in: geneva.folder.url)
        #expect(dump.status == 0 && dump.output.contains("Human Rights Without Frontiers"))
        #expect(!dump.output.contains("Director of advocacy"))
        // Its two feeds bear one name: the status tells them apart (hostile review 67).
        let json = try SignatoryExecutable.run(["sync", "status", "--json", "--db", recovered], in: geneva.folder.url)
        let continued = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let new = try #require((continued["office"] as? [String: Any])?["id"] as? String)
        let old = try #require(try geneva.json(["sync", "status"]) as? [String: Any])
        let before = try #require((old["office"] as? [String: Any])?["id"] as? String)
        #expect((continued["office"] as? [String: Any])?["continues"] as? String == before)
        let recoveredStatus = try SignatoryExecutable.run(["sync", "status", "--db", recovered], in: geneva.folder.url)
        let lines = recoveredStatus.output.split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasPrefix("feed     \(before.prefix(8))  Geneva (this office before `office recover`): ")
            },
            "\(lines)"
        )
        #expect(lines.contains { $0.hasPrefix("feed     \(new.prefix(8))  Geneva (this office): 1 change(s) held") })
    }

    /// A copy of the old database that still writes (a lost laptop) is taken under the old
    /// identity until it is revoked: the two commands `office recover` prints for that work as
    /// printed (with the position the peer holds for N), and its bundle is then refused here and
    /// at the peer, with each database unchanged.
    @Test func theRevocationItAdvisesShutsOutALostCopyOfTheOldDatabase() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"])
        try SyncCommandTests.send(geneva, to: bucharest)
        let backup = geneva.folder.path("backup.db")
        try geneva.succeed(["office", "backup", "--out", backup])
        try geneva.succeed(["org", "add", "--name", "Human Rights Without Frontiers", "--acronym", "HRWF"])
        try SyncCommandTests.send(geneva, to: bucharest)
        let laptop = geneva.folder.path("lost-laptop.db")
        try geneva.succeed(["office", "backup", "--out", laptop])
        try FileManager.default.removeItem(atPath: geneva.database)
        try FileManager.default.copyItem(atPath: backup, toPath: geneva.database)
        try geneva.succeed(["org", "add", "--name", "Doctors Against Forced Organ Harvesting", "--acronym", "DAFOH"])
        let full = bucharest.folder.path("full.jsonl")
        try bucharest.succeed(["sync", "export", "--all", "--for", "Geneva", "--out", full])
        let recovered = geneva.folder.path("geneva-recovered.db")
        let output = try geneva.succeed(["office", "recover", "--from", full, "--out", recovered])
        // N and H as the peer's `sync status` shows them.
        let hash = try TrustRevocationTests.lastHash(of: "Geneva", at: bucharest)
        let shown = try bucharest.succeed(["sync", "status"])
        #expect(shown.contains("Geneva: 2 change(s) held, signed to 2; change 2 has hash \(hash)"), "\(shown)")
        let commands = try output.split(separator: "`").filter { $0.hasPrefix("signatory office revoke") }.map {
            try PythonScript.run(
                "import shlex, sys; print('\\n'.join(shlex.split(sys.stdin.read())))",
                input: Array($0.utf8)
            ).split(separator: "\n").map { $0 == "N" ? "2" : $0 == "H" ? hash : String($0) }
        }
        try #require(commands.count == 2, "\(output)")
        #expect(commands[0].last == recovered && commands[1].count == 9, "\(commands)")
        #expect(output.contains("the peer's bundle holds 2, whose hash is \(hash))"), "\(output)")

        let stolen = geneva.folder.path("stolen.jsonl")
        for arguments in [
            ["org", "add", "--name", "Written With The Old Key"], ["sync", "export", "--plaintext", "--out", stolen],
        ] {
            let result = try SignatoryExecutable.run(arguments + ["--db", laptop], in: geneva.folder.url)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let here = try SignatoryExecutable.run(Array(commands[0].dropFirst()), in: geneva.folder.url)
        #expect(here.status == 0, "\(here.stderr)")
        let card = geneva.folder.path("recovered.card.json")
        try SignatoryExecutable.run(["office", "card", "--db", recovered], in: geneva.folder.url).output
            .write(toFile: card, atomically: true, encoding: .utf8)
        try bucharest.succeed(["office", "trust", card])
        try bucharest.succeed(Array(commands[1].dropFirst()))

        #expect(try bucharest.refuse(["sync", "import", stolen]).contains("no longer trusted here"))
        let before = databaseBytes(recovered)
        let refused = try SignatoryExecutable.run(["sync", "import", stolen, "--db", recovered], in: geneva.folder.url)
        #expect(refused.status != 0 && refused.stderr.contains("no longer trusted here"), "\(refused.stderr)")
        #expect(databaseBytes(recovered) == before)
        withExtendedLifetime(offices) {}
    }

    /// With nothing forked, it says to import the bundle instead, into the same database, in a
    /// command that works as printed.
    @Test func withNothingForkedTheImportToRunIsIntoTheSameDatabase() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        _ = try geneva.addReferenceStatement()
        try SyncCommandTests.send(geneva, to: bucharest, for: "Bucharest")
        let full = bucharest.folder.path("Bucharest's full bundle.jsonl")
        try bucharest.succeed(["sync", "export", "--all", "--for", "Geneva", "--out", full])
        let output = try geneva.succeed(["office", "recover", "--from", full, "--out", geneva.folder.path("new.db")])
        let command = try #require(output.split(separator: "`").dropFirst().first, "\(output)")
        let words = try PythonScript.run(
            "import shlex, sys; print('\\n'.join(shlex.split(sys.stdin.read())))",
            input: Array(command.utf8)
        )
        #expect(words == "signatory\nsync\nimport\n--db\n\(geneva.database)\n\(full)\n", "\(output)")
        #expect(!FileManager.default.fileExists(atPath: geneva.folder.path("new.db")))
    }

    /// A peer's copy that agrees but stops before this office's last change cannot show whether
    /// the rest forked: the recovery is refused with a non-zero exit, nothing written (hostile
    /// review 74: it exited 0, and a script went on to use a database that did not exist).
    @Test func aCopyStoppingBeforeTheLastChangeIsRefused() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        _ = try geneva.addReferenceStatement()
        try SyncCommandTests.send(geneva, to: bucharest, for: "Bucharest")
        try geneva.succeed(["org", "add", "--name", "Human Rights Without Frontiers", "--acronym", "HRWF"])
        let full = bucharest.folder.path("full.jsonl")
        try bucharest.succeed(["sync", "export", "--all", "--for", "Geneva", "--out", full])
        let out = geneva.folder.path("new.db")
        let refused = try geneva.refuse(["office", "recover", "--from", full, "--out", out])
        #expect(refused.contains("so it cannot show whether change"), "\(refused)")
        #expect(refused.contains("forked; nothing was written"), "\(refused)")
        #expect(refused.contains("`signatory sync export --all --for THIS-OFFICE --out FILE`"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A revocation lost to a damaged page (its row reads as absent, with no error) would not
    /// continue in the recovered database: the recovery is refused, nothing written (hostile
    /// reviews 75 to 77).
    @Test(arguments: OfficeRestoreTests.LostRevocation.allCases)
    func aDatabaseDamagedWhereItKeepsItsRevocationsIsNotRecovered(_ lost: OfficeRestoreTests.LostRevocation) throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest) = (offices[0], offices[1])
        _ = try geneva.addReferenceStatement()
        let backup = geneva.folder.path("backup.db")
        try geneva.succeed(["office", "backup", "--out", backup])
        try geneva.succeed(["org", "add", "--name", "Human Rights Without Frontiers", "--acronym", "HRWF"])
        try SyncCommandTests.send(geneva, to: bucharest, for: "Bucharest")
        try FileManager.default.removeItem(atPath: geneva.database)
        try FileManager.default.copyItem(atPath: backup, toPath: geneva.database)
        try geneva.succeed(["org", "add", "--name", "Friends of Dharma", "--acronym", "FoD"])
        try geneva.succeed(["office", "revoke", "Paris", "--yes"])
        try lost.damage(geneva.database, office: "Paris")
        let full = bucharest.folder.path("full.jsonl")
        try bucharest.succeed(["sync", "export", "--all", "--for", "Geneva", "--out", full])
        let out = geneva.folder.path("new.db")
        let refused = try geneva.refuse(["office", "recover", "--from", full, "--out", out])
        #expect(refused.contains("is damaged where it keeps the offices it revoked"), "\(refused)")
        #expect(refused.contains("`signatory office restore --from BACKUP`"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A wrong `--out` is refused before the bundle is read, forked or not: the database itself,
    /// a file that exists, a folder, a dangling link, a missing folder. Each refusal leaves the
    /// database as it was, and no file behind.
    @Test func aWrongOutIsRefusedWhateverTheBundleShows() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        _ = try geneva.addReferenceStatement()
        try SyncCommandTests.send(geneva, to: bucharest, for: "Bucharest")
        let full = bucharest.folder.path("full.jsonl")
        try bucharest.succeed(["sync", "export", "--all", "--for", "Geneva", "--out", full])
        let existing = geneva.folder.path("notes.txt")
        try Data("kept".utf8).write(to: URL(fileURLWithPath: existing))
        let dangling = geneva.folder.path("dangling.db")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: geneva.folder.path("nowhere"))
        // A journal left by a database deleted by hand, which SQLite would take into the new one.
        _ = FileManager.default.createFile(atPath: geneva.folder.path("stray.db-wal"), contents: Data("left".utf8))
        let cases = [
            (
                geneva.folder.path("stray.db"),
                "stray.db-wal lies beside \(geneva.folder.path("stray.db")), left by a database"
            ),
            (geneva.database, "is a database"), (existing, "exists already"), (geneva.folder.url.path, "is a folder"),
            (dangling, "exists already"), (geneva.folder.path("missing/new.db"), "its folder does not exist"),
            (geneva.folder.url.path + "/missing/", "missing/ ends with /, so it names a folder; name a file to write"),
        ]
        for (out, reason) in cases {
            let message = try geneva.refuse(["office", "recover", "--from", full, "--out", out])
            #expect(message.contains(reason), "\(out): \(message)")
        }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "kept")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: geneva.folder.url.path).allSatisfy {
                !$0.contains("partial")
            }
        )
    }
}
