import Foundation
import SignatoryDomain
import SignatoryStore
import TestSupport
import Testing

/// Every refusal prints one clear line, exits non-zero and leaves the database file as it was.
struct RefusalTests {
    @Test func malformedValuesAreRefused() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let cases: [([String], String)] = [
            (["org", "add", "--name", "X", "--country", "XX"], "country 'XX' is not an ISO 3166-1 code"),
            (
                ["org", "add", "--name", "X", "--ecosoc", "consultative"],
                "ECOSOC status 'consultative' is not one of: general, special, roster, none"
            ),
            (["org", "add", "--name", "X", "--ecosoc-year", "2001"], "a year granted needs an ECOSOC status"),
            (
                ["org", "add", "--name", "X", "--ecosoc", "special", "--ecosoc-year", "soon"],
                "ECOSOC year 'soon' is not a whole number"
            ),
            (
                ["org", "add", "--name", "X", "--ecosoc", "special", "--ecosoc-year", "99999999999999999999"],
                "year 99999999999999999999 is not a year in which ECOSOC status could have been granted (1946 to 2200)"
            ),
            (["org", "add", "--name", "X", "--website", "not a site"], "website 'not a site' is not a web address"),
            (
                ["org", "add", "--name", "X", "--icso-number", "CAP-12"],
                "iCSO number 'CAP-12' is not the number of a profile"
            ),
            (["org", "edit", "CAP", "--name", ""], "organisation name must not be empty"),
            (
                ["contact", "add", "--org", "CAP", "--name", "Y", "--email", "valle-at-example"],
                "email 'valle-at-example' is not an email address"
            ),
            (
                ["contact", "add", "--org", "CAP", "--name", "Y", "--phone", "0041 22"],
                "phone '0041 22' is not an international number"
            ),
            (["contact", "edit", ids.valle, "--language", "french"], "language 'french' is not a language tag"),
            (
                ["campaign", "add", "--name", "Z", "--start-date", "2026-02-30"],
                "date '2026-02-30' is not a calendar date"
            ),
            (
                ["campaign", "add", "--name", "Z", "--start-date", "2026-07-30", "--end-date", "2026-07-01"],
                "end date 2026-07-01 is before start date 2026-07-30"
            ),
            (["campaign", "edit", ids.campaign, "--status", "live"], "campaign status 'live' is not one of"),
            (
                ["sign", "--statement", ids.statement, "--org", "CAP", "--status", "maybe"],
                "signature status 'maybe' is not one of"
            ),
        ]
        for (arguments, expected) in cases {
            let message = try office.refuse(arguments)
            #expect(message.contains(expected), "\(arguments): \(message)")
        }
    }

    /// A database `office recover` continued elsewhere takes no more changes, nor trust, hub
    /// settings or sign-on forms; a command that asks first says so before asking, not after
    /// the user typed a name.
    @Test func aContinuedDatabaseRefusesBeforeAskingAnything() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let bern = try OfficeFixture(initialise: false)
        try bern.succeed(["init", "--office", "Bern"])
        let card = try bern.card()
        let signOn = office.folder.path("sign-on.csv")
        try "Organisation,Contact name,Consent\r\nCentre for Human Rights,Amina Diallo,yes\r\n".write(
            toFile: signOn,
            atomically: true,
            encoding: .utf8
        )
        let successor = office.folder.path("geneva-recovered.db")
        try Store.open(at: office.database).recordSuccessor(ID(), at: successor)
        for command in [
            ["contact", "remove", ids.valle], ["contact", "erase", ids.trey],
            ["org", "merge", "SIRDO", "--into", "CAP"],
            ["org", "remove", "DAFOH", "--force"], ["office", "trust", card], ["hub", "enroll", card],
            ["hub", "remote", "set", "https://hub.example.org"],
            ["import", "signers", "--statement", ids.statement, signOn],
        ] {
            let message = try office.refuse(command)
            // Refused as a whole, not row by row, and before anything is asked.
            #expect(
                message.contains(successor) && !message.contains("--yes") && !message.contains("line 2"),
                "\(command): \(message)"
            )
        }
        // Reading still works, and `sync status` says where the office continues.
        #expect(try office.succeed(["sync", "status"]).contains("continued as office"))
        let status = try #require(try office.json(["sync", "status"]) as? [String: Any])
        #expect((status["continuedIn"] as? [String: Any])?["path"] as? String == successor)
    }

    /// An argument that is not UTF-8 is refused before anything is opened: read with U+FFFD for
    /// its bad bytes, two different file names would open one database.
    @Test func anArgumentThatIsNotUTF8IsRefused() throws {
        let office = try OfficeFixture()
        let before = databaseBytes(office.database)
        let database = String(reflecting: office.database)
        let (results, files) = try Self.runWithBytes(
            office,
            """
            [([b'init', b'--office', b'Geneva', b'--db', b'inv\\xff.db'], {}),
             ([b'org', b'add', b'--name', b'CAP \\xfe', b'--db', \(database).encode()], {})]
            """
        )
        #expect(results.count == 2)
        for (result, position) in zip(results, [5, 4]) {
            #expect(result.first as? Int == 64)
            #expect(
                result.last as? String
                    == "Error: argument \(position) ('\((position == 5 ? "inv\\u{FFFD}.db" : "CAP \\u{FFFD}"))') is not UTF-8 text, "
                    + "and Signatory reads every name, id and path as UTF-8; rename the file, or type the argument again, in UTF-8\n"
            )
        }
        #expect(!files.contains { $0.hasPrefix("inv") })
        #expect(databaseBytes(office.database) == before)
    }

    @Test func aDatabaseNamedInTheEnvironmentThatIsNotUTF8IsRefused() throws {
        let office = try OfficeFixture()
        let (results, files) = try Self.runWithBytes(
            office,
            """
            [([b'init', b'--office', b'Geneva'], {b'SIGNATORY_DB': b'inv\\xff.db'}),
             ([b'init', b'--office', b'Geneva'], {b'SIGNATORY_DB': b'inv\\xfe.db'})]
            """
        )
        #expect(results.count == 2)
        for result in results {
            #expect(result.first as? Int == 64)
            let message = try #require(result.last as? String)
            #expect(message.hasPrefix("Error: SIGNATORY_DB ('inv\\u{FFFD}.db') is not UTF-8 text"))
            #expect(message.contains("set SIGNATORY_DB to a UTF-8 path, or give one with --db"))
        }
        #expect(!files.contains { $0.hasPrefix("inv") })
    }

    /// Runs `signatory` in the office's folder once per entry of `runs`, a Python list of
    /// (arguments, environment added) pairs written as bytes, which Swift's strings cannot hold
    /// when they are not UTF-8. Returns each exit status with standard error, and the folder's files.
    private static func runWithBytes(
        _ office: OfficeFixture,
        _ runs: String
    ) throws -> (results: [[Any]], files: [String]) {
        let run = try PythonScript.json(
            """
            import json, os, subprocess
            folder = \(String(reflecting: office.folder.url.path))
            results = []
            for arguments, environment in \(runs):
                done = subprocess.run([\(String(reflecting: SignatoryExecutable.url.path)).encode()] + arguments, cwd=folder,
                                      env={**os.environb, **environment}, capture_output=True)
                results.append([done.returncode, done.stderr.decode('utf-8')])
            print(json.dumps({'results': results, 'files': sorted(os.listdir(folder))}))
            """,
            input: []
        )
        let object = try #require(run as? [String: Any])
        return (try #require(object["results"] as? [[Any]]), (object["files"] as? [String]) ?? [])
    }

    @Test func unknownIdsAreRefused() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let cases: [([String], String)] = [
            (["org", "show", "NOPE"], "no organisation matches 'NOPE'"),
            (["org", "edit", "ffffffff", "--notes", "x"], "no organisation matches 'ffffffff'"),
            (["contact", "add", "--org", "UNKNOWN", "--name", "Y"], "no organisation matches 'UNKNOWN'"),
            (["contact", "remove", "0000"], "no contact matches '0000'"),
            (["statement", "add", "--campaign", "abcd", "--title", "T", "--body", "B"], "no campaign matches 'abcd'"),
            (["statement", "edit", ids.statement, "--lead", "NOBODY"], "no organisation matches 'NOBODY'"),
            (["sign", "--statement", ids.statement, "--org", "CAP", "--contact", "dead"], "no contact matches 'dead'"),
            (["sign", "--statement", "beef", "--org", "CAP"], "no statement matches 'beef'"),
            (["signatures", "--statement", "x"], "no statement matches 'x'"),
        ]
        for (arguments, expected) in cases {
            let message = try office.refuse(arguments)
            #expect(message.contains(expected), "\(arguments): \(message)")
        }
    }

    @Test func statusRulesAreEnforced() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let draft = try office.succeed([
            "statement", "add", "--campaign", ids.campaign, "--title", "Second", "--body", "Text.",
        ])
        #expect(
            try office.refuse(["statement", "status", draft, "published"]).contains(
                "a draft statement cannot become published; from draft it can go to open"
            )
        )
        #expect(
            try office.refuse(["sign", "--statement", draft, "--org", "CAP"]).contains(
                "cannot be recorded as signed on a draft statement"
            )
        )
        #expect(
            try office.refuse(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", ids.humenuc])
                .contains("belongs to another organisation")
        )
        try office.succeed(["statement", "status", ids.statement, "closed"])
        #expect(
            try office.refuse(["statement", "edit", ids.statement, "--body", "New words."]).contains(
                "the text of a closed statement cannot change"
            )
        )
        try office.succeed(["statement", "status", ids.statement, "published"])
        #expect(
            try office.refuse(["statement", "status", ids.statement, "draft"]).contains(
                "a published statement cannot become draft; it cannot change any more"
            )
        )
        #expect(
            try office.refuse(["statement", "status", ids.statement, "archived"]).contains(
                "statement status 'archived' is not one of"
            )
        )
    }

    @Test func missingArgumentsTellTheUserWhatToType() throws {
        let office = try OfficeFixture()
        #expect(try office.refuse(["org", "add"]).contains("Give the organisation a name, e.g. --name"))
        #expect(try office.refuse(["org", "edit", "CAP"]).contains("Say what to change"))
        #expect(
            try office.refuse(["contact", "add", "--name", "Y"]).contains("Say whose contact this is, e.g. --org CAP.")
        )
        #expect(
            try office.refuse(["statement", "add", "--campaign", "x", "--title", "T"]).contains(
                "--body TEXT or --body-file FILE"
            )
        )
        #expect(
            try office.refuse(["statement", "add", "--campaign", "x", "--title", "T", "--body-file", "/no/such/file"])
                .contains("Cannot read the statement text from /no/such/file")
        )
        #expect(
            try office.refuse(["init", "--office", "Again"]).contains(
                "already holds data; init makes a new database only"
            )
        )
    }

    /// Everything typed must fit in a change line, or no other office could ever receive it.
    @Test func textTooLongToSyncIsRefused() throws {
        let office = try OfficeFixture()
        let campaign = try office.succeed(["campaign", "add", "--name", "World Day against Trafficking in Persons"])
        let body = office.folder.path("body.txt")
        try String(repeating: "We call on states. ", count: 60_000).write(
            toFile: body,
            atomically: true,
            encoding: .utf8
        )
        #expect(
            try office.refuse(["statement", "add", "--campaign", campaign, "--title", "T", "--body-file", body])
                .contains("statement text is longer than Signatory keeps (at most 1 MiB)")
        )
        #expect(
            try office.refuse(["org", "add", "--name", String(repeating: "N", count: 1_001)])
                .contains("longer than Signatory keeps (at most 1000 bytes)")
        )
    }

    @Test func aDeviceIsNeverADatabase() throws {
        let folder = try TemporaryDirectory()
        for arguments in [["init", "--office", "Geneva", "--db", "/dev/null"], ["org", "list", "--db", "/dev/null"]] {
            let result = try SignatoryExecutable.run(arguments, in: folder.url)
            #expect(result.status != 0 && result.stderr.contains("is a device, a pipe or a socket"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-wal"))
    }

    @Test func aMissingDatabaseIsNotCreated() throws {
        let office = try OfficeFixture(initialise: false)
        let result = try office.run(["org", "list"])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("no database at \(office.database); create one with `signatory init --office NAME`")
        )
        #expect(!FileManager.default.fileExists(atPath: office.database))
    }

    @Test func aFileThatIsNotSQLiteIsLeftAlone() throws {
        let office = try OfficeFixture(initialise: false)
        try Data("Contact: Thierry Valle, Director\n".utf8).write(to: URL(fileURLWithPath: office.database))
        #expect(
            try office.refuse(["org", "add", "--name", "CAP"]).contains(
                "is not a Signatory database (SQLite says: file is not a database)"
            )
        )
        #expect(
            try office.refuse(["init", "--office", "Geneva"]).contains(
                "already holds data; init makes a new database only"
            )
        )
    }

    /// Another program's SQLite file has tables but no schema version: it is not "a Signatory
    /// database with no data yet", which would send the user to an `init` that refuses it.
    @Test func anotherProgramsSQLiteFileIsLeftAlone() throws {
        let office = try OfficeFixture(initialise: false)
        try office.editAsAnotherProgram(
            sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Thierry Valle')"
        )
        let before = fileBytes(office.database)
        #expect(
            try office.refuse(["org", "list"]).contains(
                "is not a Signatory database (it holds tables but no Signatory schema version)"
            )
        )
        #expect(try office.refuse(["init", "--office", "Geneva"]).contains("already holds data"))
        #expect(fileBytes(office.database) == before)
    }

    @Test func aDatabaseFromANewerSignatoryIsLeftAlone() throws {
        let office = try OfficeFixture()
        try office.editAsAnotherProgram(sql: "PRAGMA user_version = 42")
        let message = try office.refuse(["org", "add", "--name", "CAP"])
        #expect(
            message.contains(
                "was written by a newer Signatory (schema 42; this one knows up to \(Migration.latestVersion))"
            )
        )
    }

    /// Schema 11 rebuilds the organisation table: a file to which another program added a
    /// column is refused, untouched, with the reason, rather than losing that column.
    @Test func aDatabaseThatCannotBeUpgradedIsLeftAlone() throws {
        let office = try OfficeFixture()
        try office.editAsAnotherProgram(
            sql: "ALTER TABLE organisation ADD COLUMN crm_id TEXT; PRAGMA user_version = 10"
        )
        let before = fileBytes(office.database)
        let message = try office.refuse(["org", "list"])
        #expect(
            message.contains(
                "(schema 10) cannot be upgraded for this release: organisation or signature has columns "
                    + "Signatory did not make (migration 0011_checks_without_lists); the file was left as it was"
            ),
            "\(message)"
        )
        #expect(message.contains("`sqlite3 FILE .schema` shows its tables and indexes"))
        #expect(fileBytes(office.database) == before)
    }

    /// The sqlite3 shell deletes with foreign keys off: the row it orphaned is named as the file's.
    @Test func aDatabaseWithARowReferringToNothingIsNotUpgraded() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        try office.editAsAnotherProgram(sql: "DELETE FROM organisation WHERE acronym = 'CAP'; PRAGMA user_version = 10")
        let before = fileBytes(office.database)
        let message = try office.refuse(["org", "list"])
        // Which of the orphaned tables SQLite names first is its own choice.
        let refusal = try #require(message.firstRange(of: "(schema 10) cannot be upgraded for this release: a row of "))
        #expect(
            message[refusal.upperBound...].contains(
                " refers to a record the file does not hold (migration 0011_checks_without_lists)"
            ),
            "\(message)"
        )
        #expect(message.contains("`sqlite3 FILE 'PRAGMA foreign_key_check'`"))
        #expect(fileBytes(office.database) == before)
    }

    /// A carriage return in a quoted value would let the rest of the line overwrite "Error:".
    @Test func aCarriageReturnInAnErrorIsShownNotObeyed() throws {
        let office = try OfficeFixture()
        let message = try office.refuse(["org", "show", "CAP\rAll changes saved"])
        #expect(message.contains("no organisation matches 'CAP\\u{D}All changes saved'"), "\(message)")
        #expect(!message.contains("\r"))
    }

    /// An empty --db or a busy timeout that is not a number of seconds is refused, not ignored.
    @Test func anEmptyDatabasePathOrABadBusyTimeoutIsRefused() throws {
        let office = try OfficeFixture()
        let before = fileBytes(office.database)
        let empty = try SignatoryExecutable.run(
            ["org", "add", "--name", "Forum 18", "--db", ""],
            in: office.folder.url
        )
        #expect(empty.status != 0 && empty.stderr.contains("--db needs a file path, e.g. --db geneva.db"), "\(empty)")
        for value in ["abc", "-5", "3601", "99999999999"] {
            let result = try SignatoryExecutable.run(
                ["org", "add", "--name", "Forum 18", "--db", office.database],
                environment: ["SIGNATORY_BUSY_TIMEOUT": value]
            )
            #expect(result.status != 0)
            #expect(
                result.stderr.contains("set it to a number of seconds from 0 to 3600, e.g. SIGNATORY_BUSY_TIMEOUT=60"),
                "\(value): \(result.stderr)"
            )
        }
        #expect(fileBytes(office.database) == before)
    }

    /// An error is one line: a line break in a quoted value cannot print an "Error:" of its own.
    @Test func aLineBreakInAnErrorIsShownNotObeyed() throws {
        let office = try OfficeFixture()
        for arguments in [
            ["org", "show", "x\nError: the database was erased"],
            ["org", "add", "--name", "X", "--country", "F\nR"],
            ["sync", "import", "missing\nError: forged.bundle"],
        ] {
            let result = try office.run(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\\u{A}"), "\(arguments): \(result.stderr)")
        }
        // Mistakes in the command line are followed by the usage, but their own line stays one.
        for arguments in [
            ["org", "list", "x\nError: forged"], ["export", "contacts", "--all", "--format", "x\nError: forged"],
            ["org", "list", "--x\nError: forged"],
        ] {
            let result = try office.run(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains("x\\u{A}Error: forged"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix("Error: forged") })
        }
    }

    @Test func aNegativeSchemaVersionIsNotASignatoryDatabase() throws {
        let office = try OfficeFixture()
        try office.editAsAnotherProgram(sql: "PRAGMA user_version = -1")
        let before = fileBytes(office.database)
        #expect(try office.refuse(["org", "list"]).contains("its schema version is -1, which no Signatory writes"))
        #expect(fileBytes(office.database) == before)
    }
}

extension RefusalTests {
    @Test func anAcronymThatIsAlsoAnIdPrefixIsAmbiguous() throws {
        let office = try OfficeFixture()
        let first = try office.succeed(["org", "add", "--name", "Doctors Against Forced Organ Harvesting"])
        let prefix = String(first.prefix(4))
        try office.succeed(["org", "add", "--name", "Another organisation", "--acronym", prefix])
        let message = try office.refuse(["org", "show", prefix])
        #expect(message.contains("'\(prefix)' matches 2 organisations"), "\(message)")
        #expect(try office.succeed(["org", "show", first]).contains("Doctors Against"))
    }
}

extension RefusalTests {
    @Test func helpIsPrintedNotReportedAsAnError() throws {
        let office = try OfficeFixture()
        for arguments in [["--help"], ["org", "add", "--help"], ["help", "sync"]] {
            let result = try SignatoryExecutable.run(arguments, in: office.folder.url)
            #expect(
                result.status == 0 && result.stdout.contains("OVERVIEW:") && !result.stderr.contains("Error"),
                "\(arguments)"
            )
        }
    }
}
