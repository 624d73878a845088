import Foundation
import TestSupport
import Testing

/// Output redirected to a full disk (`/dev/full` fails every write with ENOSPC) is an error the
/// command reports with a non-zero status: a contact sheet cut short must not look written.
struct StandardOutputTests {
    @Test func aFullDiskBehindStandardOutputIsAnError() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let commands: [[String]] = [
            ["org", "list"],
            ["contact", "show", ids.trey],
            ["sync", "dump"],
            ["statement", "render", ids.statement],
            ["export", "contacts", "--all", "--format", "csv"],
            ["export", "contacts", "--all", "--format", "vcard"],
            ["org", "list", "--help"],
        ]
        for command in commands {
            // Each writes something when the disk has room.
            #expect(try !office.run(command).stdout.isEmpty, "\(command)")
            let result = try SignatoryExecutable.run(
                command + ["--db", office.database],
                in: office.folder.url,
                standardOutput: "/dev/full"
            )
            #expect(result.status == 1, "\(command) exited \(result.status): \(result.stderr)")
            #expect(
                result.stderr.contains("the output could not be written (the disk is full)"),
                "\(command): \(result.stderr)"
            )
        }
    }

    /// C's buffered `stdout` drops a block it cannot write and later writes go unreported: a
    /// dump larger than its buffer once exited 0 on a full disk, and so did one to a closed stdout.
    @Test func aLongOutputThatCannotBeWrittenIsAnError() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let rows = (1...120).map { "Coalition member \($0),Person \($0),yes" }
        let csv = office.folder.path("sign-on.csv")
        try Data((["Organisation,Contact name,Consent"] + rows).joined(separator: "\n").utf8).write(
            to: URL(fileURLWithPath: csv)
        )
        try office.succeed(["import", "signers", "--statement", ids.statement, csv])
        #expect(try office.run(["sync", "dump"]).stdout.utf8.count > 64 * 1024)
        let full = try SignatoryExecutable.run(
            ["sync", "dump", "--db", office.database],
            in: office.folder.url,
            standardOutput: "/dev/full"
        )
        #expect(full.status == 1)
        #expect(full.stderr.contains("the output could not be written (the disk is full)"))
        // Run by a shell that closes standard output first.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", #"exec "$0" sync dump --db "$1" >&- 2>"$2""#, SignatoryExecutable.url.path, office.database,
            office.folder.path("stderr"),
        ]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 1)
        let message = String(decoding: fileBytes(office.folder.path("stderr")) ?? Data(), as: UTF8.self)
        #expect(message.contains("the output could not be written (Bad file descriptor)"), "\(message)")
    }

    @Test func aFullDiskBehindStandardErrorEndsTheCommandWithItsStatus() throws {
        let office = try OfficeFixture()
        let missing = office.folder.path("missing.db")
        let refused = try SignatoryExecutable.run(["org", "list", "--db", missing], standardError: "/dev/full")
        #expect(refused.status == 1)
        #expect(!FileManager.default.fileExists(atPath: missing))
        let usage = try SignatoryExecutable.run(["org", "list", "--no-such-option"], standardError: "/dev/full")
        #expect(usage.status == 64)
        let worked = try SignatoryExecutable.run(
            ["org", "add", "--name", "CAP Liberté de Conscience", "--db", office.database],
            standardError: "/dev/full"
        )
        #expect(worked.status == 0)
    }
}
