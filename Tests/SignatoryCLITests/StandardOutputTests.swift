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
