import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryStore
import TestSupport
import Testing

/// Offices exchanging bundle files through the built executable.
struct SyncCommandTests {
    /// Offices that have swapped cards, in one folder.
    static func offices(_ names: [String]) throws -> [OfficeFixture] {
        let offices = try names.map { name -> OfficeFixture in
            let office = try OfficeFixture(initialise: false)
            try office.succeed(["init", "--office", name])
            return office
        }
        for office in offices {
            let card = office.folder.path("card.json")
            try office.succeed(["office", "card"]).write(toFile: card, atomically: true, encoding: .utf8)
            for other in offices where other !== office { try other.succeed(["office", "trust", card]) }
        }
        return offices
    }

    /// Exports from `source` (for `peer` when given) and imports at `target`; returns import's output.
    @discardableResult
    static func send(_ source: OfficeFixture, to target: OfficeFixture, for peer: String? = nil) throws -> String {
        let bundle = source.folder.path("bundle-\(UUID().uuidString).jsonl")
        try source.succeed(["sync", "export", "--out", bundle] + (peer.map { ["--for", $0] } ?? ["--plaintext"]))
        return try target.succeed(["sync", "import", bundle])
    }

    @Test func twoOfficesConvergeAndShowTheirConflicts() throws {
        let offices = try Self.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        try geneva.succeed([
            "org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--country", "FR", "--ecosoc",
            "special",
        ])
        #expect(try Self.send(geneva, to: bucharest).contains("applied 1 new change(s) from Geneva"))
        try geneva.succeed(["org", "edit", "CAP", "--notes", "Geneva's note"])
        try bucharest.succeed(["org", "edit", "CAP", "--notes", "Bucharest's note"])
        try bucharest.succeed([
            "org", "add", "--name", "Romanian Independent Society of Human Rights", "--acronym", "SIRDO", "--country",
            "RO",
        ])
        try Self.send(geneva, to: bucharest, for: "Bucharest")
        try Self.send(bucharest, to: geneva, for: "Geneva")
        #expect(try geneva.succeed(["sync", "dump"]) == bucharest.succeed(["sync", "dump"]))
        let conflicts = try #require(try geneva.json(["conflicts", "list"]) as? [[String: Any]])
        #expect(conflicts.count == 1)
        #expect(
            Set([conflicts[0]["kept"] as? String, conflicts[0]["other"] as? String]) == [
                "Geneva's note", "Bucharest's note",
            ]
        )
        #expect(conflicts[0]["recordName"] as? String == "CAP Liberté de Conscience")
        #expect(
            Set([conflicts[0]["keptByName"] as? String, conflicts[0]["otherByName"] as? String]) == [
                "Geneva", "Bucharest",
            ]
        )
        let listed = try geneva.succeed(["conflicts", "list"])
        #expect(listed.contains("organisation 'CAP Liberté de Conscience', notes ("))
        #expect(listed.contains("written at Geneva on 20") && listed.contains("written at Bucharest on 20"))
        // Each office's edit is in the record's history, wherever it was made.
        let history = try geneva.succeed(["history", "CAP"])
        #expect(history.contains("Bucharest #") && history.contains("-> 'Bucharest's note'"))
        let id = try #require(conflicts[0]["id"] as? String)
        try geneva.refuse(["conflicts", "resolve", String(id.prefix(6)), "--keep", "other"])
        try geneva.succeed(["conflicts", "resolve", String(id.prefix(6)), "--keep", "other", "--yes"])
        #expect(
            try geneva.refuse(["conflicts", "resolve", String(id.prefix(6)), "--keep", "kept", "--yes"]).contains(
                "was already resolved here on"
            )
        )
        try Self.send(geneva, to: bucharest, for: "Bucharest")
        #expect(try (bucharest.json(["conflicts", "list"]) as? [Any])?.isEmpty == true)
        #expect(try geneva.succeed(["sync", "dump"]) == bucharest.succeed(["sync", "dump"]))
        let status = try #require(try bucharest.json(["sync", "status"]) as? [String: Any])
        #expect((status["feeds"] as? [Any])?.count == 2)
        #expect(status["continuedIn"] is NSNull)
    }

    @Test func aConflictsContactIsTypedAsAnyContactIsAndMustBeTheOrganisations() throws {
        let offices = try Self.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let ids = try geneva.addReferenceStatement()
        try Self.send(geneva, to: bucharest, for: "Bucharest")
        try geneva.succeed(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", ids.valle])
        let press = try bucharest.succeed(["contact", "add", "--org", "CAP", "--name", "Press Office"])
        try bucharest.succeed(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", press])
        try Self.send(geneva, to: bucharest, for: "Bucharest")
        try Self.send(bucharest, to: geneva, for: "Geneva")
        let conflicts = try #require(try geneva.json(["conflicts", "list"]) as? [[String: Any]])
        let id = try #require(conflicts.first { $0["field"] as? String == "contact" }?["id"] as? String)
        // A mistyped id once left the signature without a contact at every office; refusals write nothing.
        #expect(
            try geneva.refuse(["conflicts", "resolve", id, "--keep", "ffffffff", "--yes"]).contains(
                "no contact matches 'ffffffff'"
            )
        )
        #expect(
            try geneva.refuse(["conflicts", "resolve", id, "--keep", ids.trey, "--yes"]).contains(
                "contact Dr. Torsten Trey belongs to another organisation"
            )
        )
        try geneva.succeed(["conflicts", "resolve", id, "--keep", String(ids.valle.prefix(8)), "--yes"])
        try Self.send(geneva, to: bucharest, for: "Bucharest")
        let signatures = try #require(
            try bucharest.json(["signatures", "--statement", ids.statement]) as? [[String: Any]]
        )
        #expect(
            signatures.first { $0["organisationName"] as? String == "CAP Liberté de Conscience" }?["contactId"]
                as? String == ids.valle
        )
    }

    @Test func threeOfficesConvergeThroughARelay() throws {
        let offices = try Self.offices(["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest, paris) = (offices[0], offices[1], offices[2])
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--country", "FR"])
        try paris.succeed([
            "org", "add", "--name", "Doctors Against Forced Organ Harvesting", "--acronym", "DAFOH", "--country", "US",
        ])
        // Paris never meets Geneva: everything passes through Bucharest.
        try Self.send(geneva, to: bucharest)
        try Self.send(paris, to: bucharest)
        try Self.send(bucharest, to: paris, for: "Paris")
        try Self.send(bucharest, to: geneva, for: "Geneva")
        let dumps = try offices.map { try $0.succeed(["sync", "dump"]) }
        #expect(dumps[0] == dumps[1] && dumps[1] == dumps[2])
        #expect(try (paris.json(["org", "list"]) as? [Any])?.count == 2)
        // Importing the same bundle again changes nothing.
        let bundle = bucharest.folder.path("again.jsonl")
        try bucharest.succeed(["sync", "export", "--plaintext", "--out", bundle])
        #expect(try paris.succeed(["sync", "import", bundle]).contains("applied 0 new change(s)"))
    }

    @Test func refusedBundlesLeaveTheDatabaseUnchanged() throws {
        let offices = try Self.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let stranger = try OfficeFixture(initialise: false)
        try stranger.succeed(["init", "--office", "Stranger"])
        try stranger.succeed(["org", "add", "--name", "Unknown Friends"])
        let bundle = stranger.folder.path("stranger.jsonl")
        try stranger.succeed(["sync", "export", "--plaintext", "--out", bundle])
        #expect(try bucharest.refuse(["sync", "import", bundle]).contains("is not trusted (change 1)"))
        #expect(try bucharest.refuse(["sync", "import", "/no/such/bundle.jsonl"]).contains("no such file"))
        #expect(try bucharest.refuse(["office", "trust", bundle]).contains("is not an office card"))
        #expect(
            try geneva.refuse(["sync", "export", "--plaintext", "--out", bundle, "--for", "Nobody"]).contains(
                "no trusted office matches 'Nobody'"
            )
        )
        #expect(
            try bucharest.refuse(["sync", "import", bundle, "--max-skew=-1"]).contains(
                "--max-skew takes a number of seconds"
            )
        )
        #expect(
            try bucharest.refuse(["conflicts", "resolve", "abcd", "--keep", "other"]).contains(
                "no conflict matches 'abcd'"
            )
        )
        #expect(
            try bucharest.refuse(["org", "merge", "NOPE", "--into", "ALSO"]).contains("no organisation matches 'NOPE'")
        )
    }

    /// One office withdraws the status while another gives the year: merged, the year does not
    /// outlive the status, and the organisation can still be edited (hostile review 68).
    @Test func aYearConcurrentWithTheStatusWithdrawnDoesNotOutliveIt() throws {
        let offices = try Self.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        try geneva.succeed([
            "org", "add", "--name", "Doctors Against Forced Organ Harvesting", "--acronym", "DAFOH", "--ecosoc",
            "special", "--ecosoc-year", "1990",
        ])
        try Self.send(geneva, to: bucharest)
        try geneva.succeed(["org", "edit", "DAFOH", "--ecosoc", "none", "--ecosoc-year", ""])
        try bucharest.succeed(["org", "edit", "DAFOH", "--ecosoc-year", "2000"])
        try Self.send(geneva, to: bucharest)
        try Self.send(bucharest, to: geneva)
        for office in offices {
            let shown = try #require(try office.json(["org", "show", "DAFOH"]) as? [String: Any])
            #expect(shown["ecosoc"] as? String == "none" && shown["ecosocYear"] is NSNull, "\(shown)")
            try office.succeed(["org", "edit", "DAFOH", "--notes", "Checked with the ECOSOC list"])
        }
        // `--ecosoc none` alone takes the year with it, as a sign-on import does.
        try geneva.succeed([
            "org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--ecosoc", "roster",
            "--ecosoc-year",
            "2004",
        ])
        try geneva.succeed(["org", "edit", "CAP", "--ecosoc", "none"])
        let withdrawn = try #require(try geneva.json(["org", "show", "CAP"]) as? [String: Any])
        #expect(withdrawn["ecosoc"] as? String == "none" && withdrawn["ecosocYear"] is NSNull, "\(withdrawn)")
    }

    /// Two offices of one name (hostile review 68): trusting the second says so, and `sync status`
    /// tells their feeds apart by id, whatever a name imitates.
    @Test func aNamesakeIsToldApartByItsId() throws {
        let geneva = try Self.offices(["Geneva"])[0]
        let namesake = try Self.offices(["geneva"])[0]
        let mimic = try Self.offices(["Geneva (this office)"])[0]
        try geneva.succeed(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"])
        let trusted = try geneva.run(["office", "trust", namesake.folder.path("card.json")])
        #expect(trusted.status == 0 && trusted.stderr.contains("note: this office is named Geneva too"))
        try geneva.succeed(["office", "trust", mimic.folder.path("card.json")])
        for office in [namesake, mimic] {
            try office.succeed(["org", "add", "--name", "Doctors Against Forced Organ Harvesting"])
            try Self.send(office, to: geneva)
        }
        let ids = try [geneva, namesake, mimic].map { office in
            let status = try #require(try office.json(["sync", "status"]) as? [String: Any])
            return try #require((status["office"] as? [String: Any])?["id"] as? String).prefix(8)
        }
        // A name carrying another office's id passes for it in a list: trusting it says so.
        let impostor = try OfficeFixture(initialise: false)
        try impostor.succeed(["init", "--office", "geneva (\(ids[1]))"])
        let card = impostor.folder.path("card.json")
        try impostor.succeed(["office", "card"]).write(toFile: card, atomically: true, encoding: .utf8)
        let borrowed = try withExtendedLifetime(impostor) { try geneva.run(["office", "trust", card]) }
        #expect(borrowed.stderr.contains("note: this name holds the start of the id of office "), "\(borrowed.stderr)")
        let lines = try geneva.succeed(["sync", "status"]).split(separator: "\n").filter { $0.hasPrefix("feed") }
            .map { $0.replacing(/; change 1 has hash [0-9a-f]{64}$/, with: "") }
        #expect(
            lines.sorted()
                == [
                    "feed     \(ids[0])  Geneva (this office): 1 change(s) held, signed to -",
                    "feed     \(ids[2])  Geneva (this office): 1 change(s) held, signed to 1",
                    "feed     \(ids[1])  geneva: 1 change(s) held, signed to 1",
                ].sorted(),
            "\(lines)"
        )
    }
}
