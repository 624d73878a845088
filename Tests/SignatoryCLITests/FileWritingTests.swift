import Foundation
import TestSupport
import Testing

/// Every command that writes a file writes a new file and renames it into place: it never
/// removes a folder, never writes over a database, and leaves files holding people's data
/// readable by their owner alone.
struct FileWritingTests {
    private func writers(_ target: String) -> [[String]] {
        [
            ["sync", "export", "--plaintext", "--out", target],
            ["export", "contacts", "--all", "--format", "csv", "--out", target],
        ]
    }

    @Test func aFolderIsRefusedAndKept() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let folder = office.folder.path("v")
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/sub/f"))
        for command in self.writers(folder) + self.writers(folder + "/") {
            #expect(try office.refuse(command).contains("is a folder; name a file to write"))
            #expect(fileBytes(folder + "/sub/f") == Data("x".utf8), "\(command) touched the folder")
        }
    }

    @Test func aReadOnlyFileIsNotReplaced() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let target = office.folder.path("kept.csv")
        try Data("kept".utf8).write(to: URL(fileURLWithPath: target))
        #expect(chmod(target, 0o444) == 0)
        for command in self.writers(target) + [["statement", "render", ids.statement, "--out", target]] {
            #expect(try office.refuse(command).contains("kept.csv is read-only, so it is not replaced"), "\(command)")
            #expect(fileBytes(target) == Data("kept".utf8), "\(command)")
        }
        // Made writable again, it is replaced as before.
        #expect(chmod(target, 0o644) == 0)
        try office.succeed(["export", "contacts", "--all", "--format", "csv", "--out", target])
        #expect(String(decoding: fileBytes(target) ?? Data(), as: UTF8.self).contains("Dr. Torsten Trey"))
    }

    /// A link is followed, as `>` in a shell would: replacing it left what it pointed at stale,
    /// and `--out /dev/stdout` run as root replaced the system's link with a contact sheet.
    @Test func aSymbolicLinkIsWrittenThroughAndKept() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let real = office.folder.path("sheet.csv")
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        let link = office.folder.path("latest.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "sheet.csv")
        try office.succeed(["export", "contacts", "--all", "--format", "csv", "--out", link])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "sheet.csv")
        #expect(String(decoding: fileBytes(real) ?? Data(), as: UTF8.self).contains("Dr. Torsten Trey"))
        let device = office.folder.path("stdout")
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/null")
        let dangling = office.folder.path("gone.csv")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "missing/sheet.csv")
        for (target, expected) in [
            (device, "/dev/null is a device, a pipe or a socket, not a file"),
            (dangling, "gone.csv is a symbolic link to a file that does not exist"),
        ] {
            for command in self.writers(target) {
                #expect(try office.refuse(command).contains(expected), "\(command)")
            }
            #expect(FileManager.default.fileExists(atPath: target) == (target == device))
            #expect(
                try FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType
                    == .typeSymbolicLink
            )
        }
    }

    @Test func aDashIsStandardOutputWhereACommandPrintsAndRefusedElsewhere() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let sheet = try office.run(["export", "contacts", "--all", "--format", "csv", "--out", "-"])
        #expect(sheet.status == 0)
        #expect(sheet.stdout.contains("Dr. Torsten Trey"))
        let block = try office.run(["statement", "render", ids.statement, "--out", "/dev/stdout"])
        #expect(block.status == 0)
        #expect(block.stdout.contains("Doctors Against Forced Organ Harvesting"))
        // Replacing the file standard output leads to would swap it under the shell that opened it.
        let link = office.folder.path("out")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/stdout")
        for target in ["/dev/stdout", "/proc/self/fd/1", link] {
            #expect(
                try office.refuse(["sync", "export", "--plaintext", "--out", target]).contains(
                    "leads to a file a process has open (standard output, say), which is never replaced"
                ),
                "\(target)"
            )
        }
        let fileOnly = [
            ["sync", "export", "--plaintext", "--out", "-"], ["office", "backup", "--out", "-"],
            ["office", "key", "export", "--out", "-"],
        ]
        for command in fileOnly {
            #expect(try office.refuse(command).contains("- names standard output, not a file"), "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: office.folder.path("-")))
    }

    @Test func theDatabaseAndOtherDatabasesAreNeverWrittenOver() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let other = office.folder.path("backup.db")
        try FileManager.default.copyItem(atPath: office.database, toPath: other)
        let link = office.folder.path("link.db")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: office.database)
        let otherBytes = fileBytes(other)
        for target in [office.database, office.database + "-wal", office.database + "-shm", other, link, "./office.db"]
        {
            for command in self.writers(target) {
                #expect(
                    try office.refuse(command).contains("is a database or its journal; it is never written over"),
                    "\(command)"
                )
            }
        }
        #expect(fileBytes(other) == otherBytes)
        #expect(try office.succeed(["org", "list"]).contains("CAP"))
    }

    @Test func devicesPipesAndOtherDatabasesJournalsAreRefused() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let fifo = office.folder.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Another database, open elsewhere in WAL mode: its -shm has no magic bytes and its
        // checkpointed -wal none at all, yet replacing either loses that database's writes.
        let other = office.folder.path("other.db")
        #expect(try SignatoryExecutable.run(["init", "--office", "Other", "--db", other]).status == 0)
        for suffix in ["-shm", "-wal", "-journal"] {
            _ = FileManager.default.createFile(atPath: other + suffix, contents: Data())
        }
        let journal = office.folder.path("fake.journal")
        _ = FileManager.default.createFile(
            atPath: journal,
            contents: Data([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7, 0, 0, 0, 0])
        )
        let cases: [(String, String)] = [
            (fifo, "is a device, a pipe or a socket"), ("/dev/null", "is a device, a pipe or a socket"),
            (other + "-shm", "is a database or its journal"), (other + "-wal", "is a database or its journal"),
            (other + "-journal", "is a database or its journal"), (journal, "is a database or its journal"),
            ("", "no file was named"),
        ]
        for (target, expected) in cases {
            for command in self.writers(target) {
                #expect(try office.refuse(command).contains(expected), "\(command)")
            }
        }
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(fileBytes(other + "-shm") == Data())
    }

    /// A journal left beside a name (by a database deleted by hand) would be taken into a new
    /// database made there, which then reads as damaged: `init` and `office backup` refuse such a
    /// name and leave the journal as it is (hostile review 75).
    @Test func aNewDatabaseBesideALeftoverJournalIsRefused() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let backup = office.folder.path("backup.db")
        try office.succeed(["office", "backup", "--out", backup])
        for suffix in ["-wal", "-shm", "-journal"] {
            // A link pointing nowhere counts too (hostile review 76): SQLite would follow it.
            let link = office.folder.path("link\(suffix).db")
            try FileManager.default.createSymbolicLink(
                atPath: link + suffix,
                withDestinationPath: office.folder.path("nowhere")
            )
            let linkMessage = "\(link + suffix) lies beside \(link), left by a database of that name that is gone"
            let linked = try SignatoryExecutable.run(["init", "--office", "Dakar", "--db", link])
            #expect(linked.status != 0 && linked.stderr.contains(linkMessage), "\(linked.stderr)")
            let restoredOverLink = try SignatoryExecutable.run(["office", "restore", "--from", backup, "--db", link])
            #expect(restoredOverLink.status != 0 && restoredOverLink.stderr.contains(linkMessage))
            #expect(try office.refuse(["office", "backup", "--out", link]).contains(linkMessage))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link + suffix).hasSuffix("nowhere"))
            #expect(!FileManager.default.fileExists(atPath: link))

            let target = office.folder.path("new\(suffix).db")
            let leftover = Data("left by a database deleted by hand".utf8)
            #expect(FileManager.default.createFile(atPath: target + suffix, contents: leftover))
            let message = "\(target + suffix) lies beside \(target), left by a database of that name that is gone"
            let initialised = try SignatoryExecutable.run(["init", "--office", "Dakar", "--db", target])
            #expect(initialised.status != 0 && initialised.stderr.contains(message), "\(initialised.stderr)")
            #expect(try office.refuse(["office", "backup", "--out", target]).contains(message))
            let restored = try SignatoryExecutable.run(["office", "restore", "--from", backup, "--db", target])
            #expect(restored.status != 0 && restored.stderr.contains(message), "\(restored.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(fileBytes(target + suffix) == leftover)
        }
    }

    @Test func writtenFilesAreWholeAndPrivate() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let bundle = office.folder.path("out.jsonl")
        try Data("old".utf8).write(to: URL(fileURLWithPath: bundle))
        try office.succeed(["sync", "export", "--plaintext", "--out", bundle])
        let sheet = office.folder.path("sheet.csv")
        try office.succeed(["export", "contacts", "--all", "--format", "csv", "--out", sheet])
        for path in [bundle, sheet, office.database] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(path) has mode \(String(mode, radix: 8))")
        }
        #expect(fileBytes(bundle).map { String(decoding: $0, as: UTF8.self).hasPrefix("{") } == true)
        // Nothing is left beside the targets but the files themselves.
        let names = try FileManager.default.contentsOfDirectory(atPath: office.folder.url.path).filter {
            $0.contains("partial")
        }
        #expect(names.isEmpty, "left behind: \(names)")
    }

    @Test func failuresGetOneAccurateLine() throws {
        let office = try OfficeFixture()
        let readOnly = office.folder.path("ro")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (
                ["sync", "export", "--plaintext", "--out", office.folder.path("missing/out.jsonl")],
                "its folder does not exist"
            ),
            (["sync", "import", "--max-skew", "-5", "x.jsonl"], "--max-skew takes a number of seconds"),
            (["sync", "import", office.folder.url.path], "is a folder"),
        ]
        for (arguments, expected) in cases {
            let message = try office.refuse(arguments)
            #expect(message.contains(expected), "\(arguments): \(message)")
            #expect(!message.contains("NSCocoaErrorDomain") && !message.contains("SQLite error"), "\(message)")
        }
        // A runtime failure is one line, without the usage text.
        let runtime = try office.refuse([
            "sync", "export", "--plaintext", "--out", office.folder.path("missing/out.jsonl"),
        ])
        #expect(!runtime.contains("Usage:"))
        #expect(runtime.split(separator: "\n").count == 1, "\(runtime)")
        // Root ignores permissions, so a read-only folder is proven with chmod only for other users.
        if getuid() != 0 {
            chmod(readOnly, 0o500)
            #expect(
                try office.refuse(["sync", "export", "--plaintext", "--out", readOnly + "/b.jsonl"]).contains(
                    "not writable"
                )
            )
        }
    }

    @Test func aForeignSQLiteFileIsNamedAsSuch() throws {
        let folder = try TemporaryDirectory()
        let foreign = folder.path("other.sqlite")
        let database = try SignatoryExecutable.run(["org", "list", "--db", foreign], in: folder.url)
        #expect(database.status != 0)
        try Data("SQLite format 3\0".utf8 + Data(count: 4080)).write(to: URL(fileURLWithPath: foreign))
        let result = try SignatoryExecutable.run(["org", "list", "--db", foreign], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not a Signatory database"), "\(result.stderr)")
    }
}
