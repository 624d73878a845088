import Foundation
import TestSupport
import Testing

/// An office's database in a temporary folder, driven through the built executable.
final class OfficeFixture {
    let folder: TemporaryDirectory
    let database: String

    init(initialise: Bool = true) throws {
        self.folder = try TemporaryDirectory()
        self.database = self.folder.path("office.db")
        if initialise { try self.succeed(["init", "--office", "Geneva coordination"]) }
    }

    /// Runs `signatory ARGS --db DATABASE`.
    func run(_ arguments: [String]) throws -> CommandResult {
        try SignatoryExecutable.run(arguments + ["--db", self.database], in: self.folder.url)
    }

    /// Runs a command that must succeed and returns what it printed.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try self.run(arguments)
        #expect(
            result.status == 0,
            "signatory \(arguments.joined(separator: " ")) failed: \(result.stderr)",
            sourceLocation: sourceLocation
        )
        return result.output
    }

    /// Runs a command that must be refused without changing the database, and returns its message.
    @discardableResult
    func refuse(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = databaseBytes(self.database)
        let result = try self.run(arguments)
        #expect(
            result.status != 0,
            "signatory \(arguments.joined(separator: " ")) should have failed",
            sourceLocation: sourceLocation
        )
        #expect(!result.stderr.isEmpty, sourceLocation: sourceLocation)
        #expect(
            databaseBytes(self.database) == before,
            "signatory \(arguments.joined(separator: " ")) changed the database",
            sourceLocation: sourceLocation
        )
        return result.stderr
    }

    /// The reference statement's three organisations and contacts, a campaign and an open statement.
    func addReferenceStatement() throws -> ReferenceIDs {
        let campaign = try self.succeed([
            "campaign", "add", "--name", "World Day against Trafficking in Persons",
            "--start-date", "2026-07-01", "--end-date", "2026-07-30",
        ])
        let dafoh = try self.succeed([
            "org", "add", "--name", "Doctors Against Forced Organ Harvesting", "--acronym", "DAFOH", "--country", "US",
        ])
        let cap = try self.succeed([
            "org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--country", "FR", "--ecosoc",
            "special",
        ])
        let sirdo = try self.succeed([
            "org", "add", "--name", "Romanian Independent Society of Human Rights", "--acronym", "SIRDO",
            "--country", "RO", "--ecosoc", "special",
        ])
        let trey = try self.succeed([
            "contact", "add", "--org", "DAFOH", "--name", "Dr. Torsten Trey", "--title", "Executive Director",
            "--consent",
        ])
        let valle = try self.succeed([
            "contact", "add", "--org", "CAP", "--name", "Thierry Valle", "--title", "Director", "--consent",
        ])
        let humenuc = try self.succeed([
            "contact", "add", "--org", "SIRDO", "--name", "Lucica Humenuc", "--title", "Director", "--consent",
        ])
        let statement = try self.succeed([
            "statement", "add", "--campaign", campaign, "--title", "No one left behind",
            "--body", "We ask states to end trafficking for organs.", "--lead", "DAFOH",
        ])
        try self.succeed(["statement", "status", statement, "open"])
        return ReferenceIDs(
            campaign: campaign,
            dafoh: dafoh,
            cap: cap,
            sirdo: sirdo,
            trey: trey,
            valle: valle,
            humenuc: humenuc,
            statement: statement
        )
    }

    /// CAP and SIRDO sign the reference statement, each with its contact.
    func signReferenceStatement(_ ids: ReferenceIDs) throws {
        try self.succeed(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", ids.valle])
        try self.succeed(["sign", "--statement", ids.statement, "--org", "SIRDO", "--contact", ids.humenuc])
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try self.succeed(arguments + ["--json"]).utf8))
    }
}

struct ReferenceIDs {
    let campaign, dafoh, cap, sirdo, trey, valle, humenuc, statement: String
}

extension OfficeFixture {
    /// Changes the file as another program would, through Python's sqlite3 (foreign keys off,
    /// as in the sqlite3 shell), and checkpoints it.
    func editAsAnotherProgram(sql: String) throws {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                + "c.executescript(sys.argv[2] + '; PRAGMA wal_checkpoint(TRUNCATE);'); c.close()",
            self.database, sql,
        ]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
    }
}
