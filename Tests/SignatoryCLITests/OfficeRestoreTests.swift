import Foundation
import TestSupport
import Testing

/// `office restore` puts a backup in place without ever pairing it with the old file's
/// write-ahead log, keeps the database it replaces, and refuses what it cannot restore.
struct OfficeRestoreTests {
    let office: OfficeFixture
    let backup: String

    init() throws {
        self.office = try OfficeFixture()
        try self.office.succeed(["org", "add", "--name", "Lawyers for Lawyers", "--acronym", "L4L"])
        self.backup = self.office.folder.path("geneva-2026-12-02.db")
        try self.office.succeed(["office", "backup", "--out", self.backup])
        try self.office.succeed([
            "org", "add", "--name", "Romanian Independent Society of Human Rights", "--acronym", "SIRDO",
        ])
    }

    private func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: self.office.folder.url.path).sorted()
    }

    /// Writes `count` rows of 300 bytes into the office's settings, as another program would.
    private func addSettings(_ prefix: String, count: Int) throws {
        _ = try PythonScript.run(
            """
            import sqlite3
            d = sqlite3.connect('\(self.office.database)', isolation_level=None)
            d.executemany('INSERT INTO setting (key, value) VALUES (?, ?)', [('\(prefix)%d' % i, 'x' * 300) for i in range(\(count))])
            d.close()
            """,
            input: []
        )
    }

    /// Starts a Python script that runs beside the command under test; the caller waits for or stops it.
    private func startPython(_ script: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        try process.run()
        return process
    }

    /// Another program writes and is killed before it closes the database: its committed pages
    /// stay in `office.db-wal`, which SQLite would write into whatever file has that name next.
    private func crashWithCommittedLog() throws {
        _ = try PythonScript.run(
            """
            import os, sqlite3
            d = sqlite3.connect('\(self.office.database)', isolation_level=None)
            d.execute('PRAGMA wal_autocheckpoint = 0')
            d.execute("INSERT INTO setting (key, value) VALUES ('crash', 'written before the crash')")
            os._exit(0)
            """,
            input: []
        )
        #expect((fileBytes(self.office.database + "-wal")?.count ?? 0) > 0)
    }

    @Test func aBackupRestoredAfterACrashIsWholeAndTheReplacedDatabaseKeepsEverything() throws {
        try self.crashWithCommittedLog()
        let backupBytes = fileBytes(self.backup)
        let output = try self.office.succeed(["office", "restore", "--from", self.backup])
        #expect(output.contains("restored"))
        #expect(output.contains("signatory sync pull"))
        #expect(fileBytes(self.backup) == backupBytes, "the backup was written to")
        let listed = try self.office.succeed(["org", "list"])
        #expect(listed.contains("L4L") && !listed.contains("SIRDO"))
        // The restored file is whole, has no journal of the old file, and is the office's own: private, in WAL mode.
        let check = try PythonScript.run(
            """
            import sqlite3
            d = sqlite3.connect('\(self.office.database)')
            print(d.execute('PRAGMA integrity_check').fetchone()[0], d.execute('PRAGMA journal_mode').fetchone()[0])
            print(d.execute("SELECT count(*) FROM setting WHERE key = 'crash'").fetchone()[0])
            """,
            input: []
        )
        #expect(check == "ok wal\n0\n")
        let mode = try FileManager.default.attributesOfItem(atPath: self.office.database)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Nothing was removed: the replaced database, its log folded in, keeps what was written after the backup.
        let replaced = try #require(try self.names().first { $0.hasPrefix("office.db.replaced-") })
        let before = try SignatoryExecutable.run(
            ["org", "list", "--db", self.office.folder.path(replaced)],
            in: self.office.folder.url
        )
        #expect(before.status == 0 && before.stdout.contains("SIRDO"))
        #expect(!(try self.names()).contains { $0.contains("partial") })
    }

    @Test func aBackupIsRestoredWhereThereIsNoDatabaseYet() throws {
        let fresh = self.office.folder.path("new-laptop.db")
        let result = try SignatoryExecutable.run(
            ["office", "restore", "--from", self.backup, "--db", fresh],
            in: self.office.folder.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("kept as"))
        let listed = try SignatoryExecutable.run(["org", "list", "--db", fresh], in: self.office.folder.url)
        #expect(listed.stdout.contains("L4L"))
    }

    /// The command it says to run next works as printed, read by bash, whatever the path holds:
    /// spaces and quotes, a leading "-", a line break or a bidi override (spelt out, on one line).
    @Test(arguments: [
        ("Field office's $HOME copy.db", "Field office's $HOME copy.db"),
        ("-lead.db", "./-lead.db"),
        ("new\nline\u{202E}bd.\\x41.db", "new\nline\u{202E}bd.\\x41.db"),
    ])
    func theNextCommandNamesThePathAsAShellReadsIt(typed: String, named: String) throws {
        let result = try SignatoryExecutable.run(
            ["office", "restore", "--from", self.backup, "--db=\(typed)"],
            in: self.office.folder.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stdout)")
        let next = try #require(lines.last)
        let pull = try #require(next.firstRange(of: "signatory sync pull ")?.upperBound)
        let hub = try #require(next.firstRange(of: " --hub URL")?.lowerBound)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "printf '%s\\0' \(next[pull..<hub])"]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let words = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        #expect(String(decoding: words, as: UTF8.self) == "--db\0\(named)\0", "\(next)")
        #expect(FileManager.default.fileExists(atPath: self.office.folder.path(named)))
    }

    /// A line break typed in a path is shown as `\u{A}`, so what the command printed cannot be
    /// read as lines it did not print.
    @Test func aPathWithALineBreakIsPrintedOnOneLine() throws {
        let odd = self.office.folder.path("geneva\nrestored office.db")
        let backup = try self.office.succeed(["office", "backup", "--out", odd])
        #expect(
            backup == "wrote a backup to \(self.office.folder.path("geneva\\u{A}restored office.db"))",
            "\(backup)"
        )
        let fresh = self.office.folder.path("new\nlaptop.db")
        let result = try SignatoryExecutable.run(
            ["office", "restore", "--from", odd, "--db", fresh],
            in: self.office.folder.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("restored ") && lines[1].hasPrefix("next, "), "\(result.stdout)")
        #expect(result.stdout.contains("new\\u{A}laptop.db") && result.stdout.contains("geneva\\u{A}restored"))
        let bundle = self.office.folder.path("for\nbern\u{1B}[31m.jsonl")
        let exported = try self.office.succeed(["sync", "export", "--plaintext", "--out", bundle])
        #expect(
            exported.hasSuffix("to \(self.office.folder.path("for\\u{A}bern\\u{1B}[31m.jsonl")), unencrypted"),
            "\(exported)"
        )
    }

    @Test func whatCannotBeRestoredIsRefusedAndNothingChanges() throws {
        let other = try OfficeFixture()
        let otherBackup = self.office.folder.path("bucharest.db")
        try other.succeed(["office", "backup", "--out", otherBackup])
        let text = self.office.folder.path("notes.db")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
        let truncated = self.office.folder.path("truncated.db")
        try #require(fileBytes(self.backup)).prefix(20_000).write(to: URL(fileURLWithPath: truncated))
        let names = try self.names()
        let cases: [(String, String)] = [
            (otherBackup, "is a backup of office Geneva coordination"),
            (text, "cannot be restored"),
            (truncated, "cannot be restored"),
            (self.office.database, "it is the database itself"),
            (self.office.folder.path("missing.db"), "cannot be restored: there is no such file"),
            (self.office.folder.url.path, "not a file"),
            ("/dev/null", "not a file"),
        ]
        for (backup, expected) in cases {
            let message = try self.office.refuse(["office", "restore", "--from", backup])
            #expect(message.contains(expected), "\(backup): \(message)")
        }
        #expect(try self.names() == names, "a refusal left files behind")
    }

    /// Offices made before 16 KiB pages keep 4 KiB ones; SQLite copies pages only between equal sizes.
    @Test func aBackupWithAnotherPageSizeIsRestored() throws {
        _ = try PythonScript.run(
            """
            import sqlite3
            d = sqlite3.connect('\(self.backup)', isolation_level=None)
            d.execute('PRAGMA page_size = 4096'); d.execute('VACUUM')
            print(d.execute('PRAGMA page_size').fetchone()[0])
            """,
            input: []
        )
        try self.office.succeed(["office", "restore", "--from", self.backup])
        let listed = try self.office.succeed(["org", "list"])
        #expect(listed.contains("L4L") && !listed.contains("SIRDO"))
    }

    @Test func refusalsAfterACrashLeaveTheDatabaseAndItsLogAsTheyWere() throws {
        try self.crashWithCommittedLog()
        let other = try OfficeFixture()
        let otherBackup = self.office.folder.path("bucharest.db")
        try other.succeed(["office", "backup", "--out", otherBackup])
        // A backup copied by hand from a database in use: its newest changes are in its own log.
        let copied = self.office.folder.path("copied.db")
        try FileManager.default.copyItem(atPath: self.office.database, toPath: copied)
        try FileManager.default.copyItem(atPath: self.office.database + "-wal", toPath: copied + "-wal")
        let names = try self.names()
        #expect(try self.office.refuse(["office", "restore", "--from", otherBackup]).contains("is a backup of office"))
        #expect(
            try self.office.refuse(["office", "restore", "--from", copied]).contains(
                "the -wal file beside it holds changes that are not in the file itself"
            )
        )
        #expect(try self.names() == names)
    }

    /// A log copied without its -shm (a copy of the database and its -wal, taken by hand) is
    /// neither folded into the file by a refusal nor lost by a restore.
    @Test func aLogWithoutItsIndexIsLeftAsItWasByARefusal() throws {
        try self.crashWithCommittedLog()
        #expect(unlink(self.office.database + "-shm") == 0)
        let other = try OfficeFixture()
        let otherBackup = self.office.folder.path("bucharest.db")
        try other.succeed(["office", "backup", "--out", otherBackup])
        #expect(try self.office.refuse(["office", "restore", "--from", otherBackup]).contains("is a backup of office"))
        try self.office.succeed(["office", "restore", "--from", self.backup])
        let kept = try #require(try self.names().first { $0.hasPrefix("office.db.replaced-") })
        let setting = try PythonScript.run(
            """
            import sqlite3
            d = sqlite3.connect('\(self.office.folder.path(kept))')
            print(d.execute("SELECT value FROM setting WHERE key = 'crash'").fetchone()[0])
            """,
            input: []
        )
        #expect(setting == "written before the crash\n")
    }

    /// A damaged database whose office can still be read takes only its own office's backup.
    @Test func aDamagedDatabaseIsSetAsideButOnlyForItsOwnOffice() throws {
        try Self.damage(self.office.database)
        let other = try OfficeFixture()
        let otherBackup = self.office.folder.path("bucharest.db")
        try other.succeed(["office", "backup", "--out", otherBackup])
        #expect(try self.office.refuse(["office", "restore", "--from", otherBackup]).contains("is a backup of office"))
        let output = try self.office.succeed(["office", "restore", "--from", self.backup])
        #expect(output.contains("the database it replaced is kept as"))
        #expect(try self.office.succeed(["org", "list"]).contains("L4L"))
    }

    /// Damages the database at `path` so that its office can still be read: the first bytes of
    /// the root page of its `table` are zeroed.
    static func damage(_ path: String, table: String = "change_log") throws {
        _ = try PythonScript.run(
            """
            import sqlite3
            path = '\(path)'
            d = sqlite3.connect(path)
            size = d.execute('PRAGMA page_size').fetchone()[0]
            root = d.execute("SELECT rootpage FROM sqlite_master WHERE name = '\(table)'").fetchone()[0]
            d.close()
            with open(path, 'r+b') as f:
                f.seek((root - 1) * size); f.write(b'\\x00' * 8)
            """,
            input: []
        )
    }

    /// Writes the cell count of `table`'s root page one short, so its last row reads as absent,
    /// with no error: only `PRAGMA quick_check` shows the damage.
    static func dropLastRow(of table: String, in path: String) throws {
        _ = try PythonScript.run(
            """
            import sqlite3
            path = '\(path)'
            d = sqlite3.connect(path)
            size = d.execute('PRAGMA page_size').fetchone()[0]
            root = d.execute("SELECT rootpage FROM sqlite_master WHERE name = '\(table)'").fetchone()[0]
            before = d.execute("SELECT count(name) FROM \(table)").fetchone()[0]
            d.execute('PRAGMA wal_checkpoint(TRUNCATE)')
            d.close()
            with open(path, 'r+b') as f:
                f.seek((root - 1) * size)
                page = f.read(5)
                assert page[0] == 13, f'the table fits one leaf page, not {page}'
                f.seek((root - 1) * size + 3)
                f.write((int.from_bytes(page[3:5], 'big') - 1).to_bytes(2, 'big'))
            d = sqlite3.connect(path)
            assert d.execute("SELECT count(name) FROM \(table)").fetchone()[0] == before - 1
            assert d.execute("PRAGMA quick_check").fetchone()[0] != 'ok'
            """,
            input: []
        )
    }

    /// Writes back the pages of `table` as they read after `statement` (a `DELETE` or an
    /// `UPDATE` of it), leaving its indexes as they were: as a page written back stale. Every page
    /// still reads and `PRAGMA quick_check` passes; only a check of the table against its indexes
    /// sees the difference.
    static func writeBackStale(_ table: String, as statement: String, in path: String) throws {
        _ = try PythonScript.run(
            """
            import shutil, sqlite3
            path = '\(path)'
            d = sqlite3.connect(path)
            d.execute('PRAGMA wal_checkpoint(TRUNCATE)')
            size = d.execute('PRAGMA page_size').fetchone()[0]
            d.close()
            shutil.copyfile(path, path + '.stale')
            t = sqlite3.connect(path + '.stale')
            assert t.execute(\"\"\"\(statement)\"\"\").rowcount > 0
            t.commit()
            t.execute('PRAGMA wal_checkpoint(TRUNCATE)')
            pages = [row[0] for row in t.execute('SELECT pageno FROM dbstat WHERE name = ?', ('\(table)',))]
            t.close()
            stale = open(path + '.stale', 'rb').read()
            with open(path, 'r+b') as f:
                for page in pages:
                    f.seek((page - 1) * size)
                    f.write(stale[(page - 1) * size:page * size])
            d = sqlite3.connect(path)
            assert d.execute("PRAGMA quick_check").fetchone()[0] == 'ok'
            """,
            input: []
        )
    }

    /// The ways a damaged page loses a revocation of `office` with no read error.
    enum LostRevocation: String, CaseIterable, CustomTestStringConvertible {
        /// The page's cell count written one short (the office's row last on its page).
        case cellCountShort
        /// The table's page written back without the row, its index still holding it.
        case rowGoneFromItsPage
        /// The table's page written back as it was before the revocation.
        case rowAsBeforeTheRevocation

        var testDescription: String { self.rawValue }

        func damage(_ path: String, office: String) throws {
            switch self {
            case .cellCountShort: try OfficeRestoreTests.dropLastRow(of: "trusted_office", in: path)
            case .rowGoneFromItsPage:
                try OfficeRestoreTests.writeBackStale(
                    "trusted_office",
                    as: "DELETE FROM trusted_office WHERE name = '\(office)'",
                    in: path
                )
            case .rowAsBeforeTheRevocation:
                try OfficeRestoreTests.writeBackStale(
                    "trusted_office",
                    as: "UPDATE trusted_office SET revoked_after = NULL, revoked_at = NULL, revoked_after_hash = NULL "
                        + "WHERE name = '\(office)'",
                    in: path
                )
            }
        }
    }

    /// What another program added to either file is not silently dropped or run.
    @Test func aBackupOrDatabaseChangedByAnotherProgramIsRefused() throws {
        _ = try PythonScript.run(
            """
            import sqlite3
            d = sqlite3.connect('\(self.office.database)')
            d.execute("CREATE TRIGGER renamed AFTER INSERT ON organisation BEGIN UPDATE office SET name = 'x'; END")
            d.commit()
            b = sqlite3.connect('\(self.backup)')
            b.execute('PRAGMA foreign_keys = OFF')
            b.execute("INSERT INTO contact (id, organisation_id, full_name, at_risk, consent) VALUES "
                      "('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Nobody', 0, 0)")
            b.commit()
            """,
            input: []
        )
        let orphaned = try self.office.refuse(["office", "restore", "--from", self.backup])
        #expect(orphaned.contains("refer to records it lacks"))
        let clean = self.office.folder.path("clean.db")
        try FileManager.default.copyItem(atPath: self.backup, toPath: clean)
        _ = try PythonScript.run(
            "import sqlite3; d = sqlite3.connect('\(clean)'); d.execute('DELETE FROM contact'); d.commit()",
            input: []
        )
        #expect(try self.office.refuse(["office", "restore", "--from", clean]).contains("differ from the backup's"))
    }

    @Test func anUnreadableDatabaseIsSetAsideAsItIs() throws {
        let handle = try #require(FileHandle(forWritingAtPath: self.office.database))
        try handle.write(contentsOf: Data(repeating: 0x5a, count: 100))
        try handle.close()
        let damaged = fileBytes(self.office.database)
        let output = try self.office.succeed(["office", "restore", "--from", self.backup])
        #expect(output.contains("could not be read as a Signatory database"))
        let replaced = try #require(try self.names().first { $0.hasPrefix("office.db.replaced-") })
        #expect(fileBytes(self.office.folder.path(replaced)) == damaged)
        #expect(try self.office.succeed(["org", "list"]).contains("L4L"))
    }

    /// A process that opened the database before the restore and writes after it writes into
    /// the restored database, whose file and log stay one consistent database.
    @Test func aConnectionOpenedBeforeTheRestoreWritesIntoAWholeDatabase() throws {
        // After the backup the office wrote many pages more, which the backup lacks.
        try self.addSettings("pre", count: 500)
        let go = self.office.folder.path("go")
        let writer = try self.startPython(
            """
            import os, sqlite3, sys, time
            d = sqlite3.connect(sys.argv[1], isolation_level=None)
            open(sys.argv[2] + '.ready', 'w').close()
            while not os.path.exists(sys.argv[2]): time.sleep(0.02)
            d.execute('PRAGMA wal_autocheckpoint = 0')
            d.executemany('INSERT INTO setting (key, value) VALUES (?, ?)', [('late%d' % i, 'y' * 300) for i in range(500)])
            os._exit(0)
            """,
            [self.office.database, go]
        )
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: go + ".ready") && Date() < deadline { usleep(20_000) }
        try self.office.succeed(["office", "restore", "--from", self.backup])
        _ = FileManager.default.createFile(atPath: go, contents: nil)
        writer.waitUntilExit()
        let check = try PythonScript.run(
            """
            import sqlite3
            d = sqlite3.connect('\(self.office.database)')
            print(d.execute('PRAGMA integrity_check').fetchone()[0])
            print(d.execute("SELECT count(*) FROM setting WHERE key LIKE 'late%'").fetchone()[0])
            print(d.execute("SELECT count(*) FROM setting WHERE key LIKE 'pre%'").fetchone()[0])
            print(d.execute("SELECT count(*) FROM organisation").fetchone()[0])
            """,
            input: []
        )
        #expect(check == "ok\n500\n0\n1\n")
    }

    /// Another process commits throughout the restore: each of its commits lands either before
    /// the restore, in the copy kept of the replaced database, or after it, in the restored one.
    @Test func nothingCommittedDuringTheRestoreIsLost() throws {
        try self.addSettings("bulk", count: 20_000)
        let stop = self.office.folder.path("stop")
        let committed = self.office.folder.path("committed")
        let writer = try self.startPython(
            """
            import os, sqlite3, sys
            i = 0
            with open(sys.argv[3], 'w') as log:
                while not os.path.exists(sys.argv[2]):
                    # A connection per commit, as each `signatory` command opens its own.
                    d = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
                    d.execute("INSERT INTO setting (key, value) VALUES (?, 'during')", ('during%d' % i,))
                    d.close()
                    log.write('during%d\\n' % i); log.flush(); i += 1
            """,
            [self.office.database, stop, committed]
        )
        usleep(300_000)
        let result = try SignatoryExecutable.run(
            ["office", "restore", "--from", self.backup, "--db", self.office.database],
            in: self.office.folder.url
        )
        usleep(300_000)
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        writer.waitUntilExit()
        // Refused because the writer had it open, or restored: either way no commit may vanish.
        let replaced = try self.names().first { $0.hasPrefix("office.db.replaced-") }
        let files = [self.office.database] + (replaced.map { [self.office.folder.path($0)] } ?? [])
        let found = try PythonScript.run(
            """
            import sqlite3
            keys = set()
            for path in [\(files.map { "'\($0)'" }.joined(separator: ", "))]:
                keys |= {k for (k,) in sqlite3.connect(path).execute("SELECT key FROM setting WHERE value = 'during'")}
            written = [line.strip() for line in open('\(committed)')]
            print(len(written), len([k for k in written if k not in keys]))
            """,
            input: []
        )
        let counts = found.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        #expect(
            counts.count == 2 && counts[0] > 0 && counts[1] == 0,
            "committed, then lost: \(found); \(result.stderr)"
        )
    }

    @Test func aTargetThatIsNotTheDatabaseFileItselfIsRefused() throws {
        let link = self.office.folder.path("link.db")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: self.office.database)
        let before = databaseBytes(self.office.database)
        for (target, expected) in [(link, "is a symbolic link"), (self.office.folder.url.path, "is a folder")] {
            let result = try SignatoryExecutable.run(
                ["office", "restore", "--from", self.backup, "--db", target],
                in: self.office.folder.url
            )
            #expect(result.status != 0 && result.stderr.contains(expected), "\(target): \(result.stderr)")
        }
        #expect(databaseBytes(self.office.database) == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == self.office.database)
    }

    @Test func aDatabaseAnotherProcessHasOpenIsNotReplaced() throws {
        let holder = try self.startPython(
            "import sqlite3, sys, time; d = sqlite3.connect(sys.argv[1]); d.execute('SELECT 1 FROM office').fetchall(); time.sleep(60)",
            [self.office.database]
        )
        defer { holder.terminate() }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: self.office.database + "-shm") && Date() < deadline {
            usleep(50_000)
        }
        let names = try self.names()
        let message = try self.office.refuse(["office", "restore", "--from", self.backup])
        #expect(message.contains("is open in another process"))
        #expect(message.contains("stop `signatory ui`"))
        #expect(try self.names() == names)
    }
}
