import Foundation
import SignatoryDomain
import SignatoryStore
import TestSupport
import Testing

/// The coordinator's everyday commands: history, confirmations, filters and views, the
/// remembered hub, fingerprints and the version.
struct CoordinatorCommandTests {
    @Test func theVersionAndCompletionScriptsArePrinted() throws {
        let result = try SignatoryExecutable.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == SignatoryVersion.current)
        let completion = try SignatoryExecutable.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0 && completion.stdout.contains("complete -o filenames -F _signatory signatory"))
        // Options an add command requires show as required, though `edit` shares them as optional.
        for (command, usage) in [
            (["org", "add"], "signatory org add --name <name> ["),
            (["contact", "add"], "signatory contact add --org <org> --name <name> ["),
            (["campaign", "add"], "signatory campaign add --name <name> ["),
            (["statement", "add"], "signatory statement add --campaign <campaign> --title <title> (--body"),
        ] {
            #expect(try SignatoryExecutable.run(command + ["--help"]).stdout.contains("USAGE: " + usage))
        }
    }

    /// The README names the release that began writing each change format; this release must be
    /// that one or later, or `--version` contradicts the line format it writes.
    @Test func theVersionIsNoOlderThanTheReleaseTheReadmeGivesTheCurrentFormat() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let sentence = try #require(
            readme.firstMatch(
                of: /From release (\d+)\.(\d+)\.(\d+) every new change is written in \*\*change format ([0-9.]+)\*\*/
            )
        )
        #expect(String(sentence.4) == ChangeFormat.current.description)
        let introduced = [sentence.1, sentence.2, sentence.3].compactMap { Int($0) }
        let current = SignatoryVersion.current.split(separator: ".").compactMap { Int($0) }
        #expect(current.count == 3)
        #expect(
            !current.lexicographicallyPrecedes(introduced),
            "\(SignatoryVersion.current) is older than the README's release"
        )
    }

    @Test func historyListsEveryChangeWithItsOldAndNewValue() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["org", "edit", "SIRDO", "--ecosoc", "general", "--notes", "Bucharest"])
        let text = try office.succeed(["history", "SIRDO"])
        #expect(text.hasPrefix("organisation \(ids.sirdo) 'Romanian Independent Society of Human Rights'"))
        #expect(text.contains("Geneva coordination #"))
        #expect(text.contains("    ecosoc: (not set) -> 'special'"))
        #expect(text.contains("    ecosoc: 'special' -> 'general'"))
        #expect(text.contains("    notes: (empty) -> 'Bucharest'"))
        // The first change leaves empty fields unmentioned.
        #expect(!text.contains("website"))
        let entries = try #require(try office.json(["history", String(ids.sirdo.prefix(8))]) as? [[String: Any]])
        #expect(entries.count == 2)
        let edits = try #require(entries.last?["fields"] as? [[String: Any]])
        #expect(edits.map { $0["field"] as? String } == ["ecosoc", "notes"])
        #expect(edits.first?["old"] as? String == "special" && edits.first?["new"] as? String == "general")
        // `org show` and `statement show` end with the last changes.
        #expect(try office.succeed(["org", "show", "SIRDO"]).contains("changes:\n"))
        #expect(try office.succeed(["statement", "show", ids.statement]).contains("status: 'draft' -> 'open'"))
        // A removed record keeps its history.
        try office.succeed(["contact", "remove", ids.humenuc, "--yes"])
        #expect(try office.succeed(["history", ids.humenuc]).contains("deleted: (not set) -> 'yes'"))
        #expect(try office.refuse(["history", "ffffffff"]).contains("no record matches 'ffffffff'"))
        let short = String(ids.statement.prefix(3))
        #expect(
            try office.refuse(["statement", "show", short]).contains(
                "no statement matches '\(short)' (an id prefix needs at least 4 characters)"
            )
        )
        // A statement's id names the statement; its id, ':' and a hash prefix name one of its wordings.
        #expect(try office.succeed(["history", ids.statement]).hasPrefix("statement \(ids.statement)"))
        let hash = try #require(
            ((try office.json(["statement", "show", ids.statement]) as? [String: Any])?["texts"] as? [[String: Any]])?
                .first?["hash"] as? String
        )
        let wording = try office.succeed(["history", "\(ids.statement):\(hash.prefix(6))"])
        #expect(wording.hasPrefix("statementText \(ids.statement):\(hash)"))
    }

    /// A bundle can give a record of another kind an id already held; `history` then asks which.
    @Test func historyTellsRecordsThatShareAnIdByKind() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let sirdo = try #require(ID<Organisation>(ids.sirdo))
        do {
            // Closed before the commands run, so the database's files are as a command leaves them.
            let store = try Store.open(at: office.database)
            try store.insert(
                ContactPerson(id: try #require(ID(ids.sirdo)), organisationID: sirdo, fullName: "Decoy Contact")
            )
        }
        try office.succeed(["org", "show", "SIRDO"])
        let refusal = try office.refuse(["history", ids.sirdo])
        #expect(
            refusal.contains(
                "is the id of 2 records (organisation, contact): add --kind organisation or --kind contact"
            )
        )
        #expect(
            try office.succeed(["history", ids.sirdo, "--kind", "contact"]).hasPrefix(
                "contact \(ids.sirdo) 'Decoy Contact'"
            )
        )
        #expect(
            try office.succeed(["history", ids.sirdo, "--kind", "organisation"]).hasPrefix("organisation \(ids.sirdo)")
        )
    }

    /// `signatures` lists the row of the organisation kept, and when only a duplicate merged into
    /// it signed, no signature has the row's id: its history is the duplicate's signature's.
    @Test func theHistoryOfASignatureRowIsThatOfTheSignaturesMergedIntoIt() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let duplicate = try office.succeed([
            "org", "add", "--name", "Romanian Independent Society for Human Rights", "--country", "RO",
        ])
        try office.succeed(["sign", "--statement", ids.statement, "--org", duplicate])
        try office.succeed(["org", "merge", duplicate, "--into", "SIRDO", "--yes"])
        let rows = try #require(try office.json(["signatures", "--statement", ids.statement]) as? [[String: Any]])
        let row = try #require(rows.first { $0["organisationId"] as? String == ids.sirdo }?["id"] as? String)
        let text = try office.succeed(["history", String(row.prefix(8))])
        #expect(text.hasPrefix("signature \(row) 'Romanian Independent Society of Human Rights'"))
        #expect(text.contains("    status: (not set) -> 'signed'"))
        #expect(text.contains("    organisation: (not set) -> '\(duplicate)'"))
        // The time a stand was recorded reads as a time, not as milliseconds.
        #expect(text.contains("    recordedAt: (not set) -> '20") && text.contains(" UTC'"), "\(text)")
    }

    /// An erased contact's earlier edits say their values were erased, not that they were cleared.
    @Test func theHistoryOfAnErasedContactSaysWhichValuesWereErased() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["contact", "edit", ids.valle, "--phone", "+33155000111"])
        try office.succeed(["contact", "edit", ids.valle, "--title", ""])
        try office.succeed(["contact", "erase", ids.valle, "--yes"])
        let text = try office.succeed(["history", ids.valle])
        #expect(text.contains("    phone: (erased) -> (erased)"), "\(text)")
        #expect(text.contains("    fullName: (not set) -> (erased)"), "\(text)")
        #expect(!text.contains("(empty) -> (empty)") && !text.contains("Thierry Valle"), "\(text)")
        let entries = try #require(try office.json(["history", ids.valle]) as? [[String: Any]])
        let fields = entries.compactMap { $0["fields"] as? [[String: Any]] }.joined()
        let phone = try #require(fields.last { $0["field"] as? String == "phone" })
        #expect(phone["newErased"] as? Bool == true && phone["new"] is NSNull)
        let erasure = try #require(fields.last { $0["field"] as? String == "erased" })
        #expect(erasure["newErased"] as? Bool == false)
    }

    /// An acronym no organisation has now still names the one that had it: merged, removed or renamed.
    @Test func historyFindsAnOrganisationByTheAcronymItHadBeforeItWasMergedOrRemoved() throws {
        let office = try OfficeFixture()
        let merged = try office.succeed([
            "org", "add", "--name", "Romanian Independent Society for Human Rights", "--acronym", "RISHR",
        ])
        let kept = try office.succeed(["org", "add", "--name", "Romanian Independent Society of Human Rights"])
        let removed = try office.succeed(["org", "add", "--name", "CAP Liberte de Conscience", "--acronym", "CAPLC"])
        try office.succeed(["org", "merge", "rishr", "--into", kept, "--yes"])
        try office.succeed(["org", "remove", "CAPLC"])
        #expect(try office.succeed(["history", "rishr"]).hasPrefix("organisation \(merged) "))
        #expect(try office.succeed(["history", "CAPLC"]).hasPrefix("organisation \(removed) "))
        // An organisation that has the acronym now is the one named.
        let now = try office.succeed(["org", "add", "--name", "Coordination des Associations", "--acronym", "CAPLC"])
        #expect(try office.succeed(["history", "CAPLC"]).hasPrefix("organisation \(now) "))
        #expect(try office.refuse(["history", "NOSUCH"]).contains("no record matches 'NOSUCH'"))
    }

    @Test func destructiveCommandsNeedYesWithoutATerminal() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        let duplicate = try office.succeed(["org", "add", "--name", "CAP Liberte de Conscience", "--country", "FR"])
        for arguments in [
            ["org", "remove", "SIRDO", "--force"], ["org", "merge", duplicate, "--into", "CAP"],
            ["contact", "remove", ids.valle],
        ] {
            #expect(try office.refuse(arguments).contains("Add --yes to confirm it; nothing was changed."))
        }
        // A plain removal that destroys nothing else needs no confirmation.
        try office.succeed(["org", "remove", duplicate])
        try office.succeed(["contact", "remove", ids.valle, "--yes"])
        try office.succeed(["org", "remove", "SIRDO", "--force", "-y"])
        #expect(try office.refuse(["org", "show", "SIRDO"]).contains("no organisation matches"))
    }

    @Test func onATerminalTheNameMustBeTyped() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let wrong = try Self.onTerminal(["contact", "remove", ids.valle, "--db", office.database], typing: "Thierry")
        #expect(wrong.status != 0)
        #expect(wrong.output.contains("Type Thierry Valle to confirm:"))
        #expect(wrong.output.contains("does not match Thierry Valle; nothing was changed"))
        #expect(try office.succeed(["contact", "show", ids.valle]).contains("Thierry Valle"))
        let right = try Self.onTerminal(
            ["contact", "remove", ids.valle, "--db", office.database],
            typing: "Thierry Valle"
        )
        #expect(right.status == 0, "\(right.output)")
        #expect(try office.refuse(["contact", "show", ids.valle]).contains("no contact matches"))
    }

    /// Runs `signatory ARGS` on a pseudo-terminal, typing `answer` once it asks.
    static func onTerminal(
        _ arguments: [String],
        typing answer: String = "",
        environment: [String: String] = [:]
    ) throws -> (status: Int, output: String) {
        let script = """
            import json, os, pty, sys
            args, answer, extra = json.loads(sys.stdin.read())
            pid, fd = pty.fork()
            if pid == 0:
                os.execve(args[0], args, {**os.environ, **extra})
            seen = b""
            answered = False
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
                if not answered and b"to confirm:" in seen:
                    os.write(fd, answer.encode() + b"\\n")
                    answered = True
            _, status = os.waitpid(pid, 0)
            print(json.dumps([os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")]))
            """
        let input = try JSONSerialization.data(
            withJSONObject: [[SignatoryExecutable.url.path] + arguments, answer, environment] as [Any]
        )
        let result = try PythonScript.run(script, input: Array(input))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [Any])
        return (decoded[0] as? Int ?? -1, decoded[1] as? String ?? "")
    }

    @Test func longCommandsShowProgressOnATerminalOnly() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        for index in 1...3 { try offices[0].succeed(["org", "add", "--name", "Organisation \(index)"]) }
        let bundle = offices[0].folder.path("bundle.jsonl")
        try offices[0].succeed(["sync", "export", "--plaintext", "--out", bundle])
        let onTerminal = try Self.onTerminal(
            ["sync", "import", bundle, "--db", offices[1].database],
            environment: ["SIGNATORY_PROGRESS_DELAY": "0"]
        )
        #expect(onTerminal.status == 0)
        #expect(onTerminal.output.contains("checking and applying: 3 of 3 changes (100%)"))
        // Not on a terminal (a script, a log): only the result.
        let second = try OfficeFixture()
        let card = offices[0].folder.path("card.json")
        try second.succeed(["office", "trust", card])
        let plain = try SignatoryExecutable.run(
            ["sync", "import", bundle, "--db", second.database],
            environment: ["SIGNATORY_PROGRESS_DELAY": "0"]
        )
        #expect(plain.status == 0 && !plain.stderr.contains("checking and applying"))
        // The card and the bundle are in Geneva's folder, which goes with the fixture: an
        // optimised build may end its life at its last use above.
        withExtendedLifetime(offices) {}
    }

    @Test func listsFilterAndCampaignsCountByStatus() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        try office.succeed(["sign", "--statement", ids.statement, "--org", "DAFOH", "--status", "invited"])
        let search = try #require(try office.json(["org", "list", "--search", "liberte"]) as? [[String: Any]])
        #expect(search.map { $0["acronym"] as? String } == ["CAP"])
        try office.succeed(["org", "edit", "SIRDO", "--website", "https://sirdo-romania.example.org/about"])
        let byWebsite = try #require(
            try office.json(["org", "list", "--search", "sirdo-romania.example"]) as? [[String: Any]]
        )
        #expect(byWebsite.map { $0["acronym"] as? String } == ["SIRDO"])
        #expect(try office.refuse(["org", "list", "--search", "%"]).contains("--search needs a letter or a digit"))
        let special = try #require(
            try office.json(["org", "list", "--country", "RO", "--ecosoc", "special"]) as? [[String: Any]]
        )
        #expect(special.map { $0["acronym"] as? String } == ["SIRDO"])
        #expect(try office.refuse(["org", "list", "--ecosoc", "consultative"]).contains("general, special, roster"))
        let signed = try #require(
            try office.json(["signatures", "--statement", ids.statement, "--status", "signed"]) as? [[String: Any]]
        )
        #expect(signed.count == 2)
        // A contact at risk is marked in the staff's list, as in `contact list`.
        try office.succeed(["contact", "edit", ids.valle, "--at-risk"])
        let listed = try office.succeed(["signatures", "--statement", ids.statement])
        #expect(listed.split(separator: "\n").contains { $0.contains("CAP") && $0.contains("Thierry Valle (at risk)") })
        let second = try office.succeed([
            "statement", "add", "--campaign", ids.campaign, "--title", "A second appeal", "--body", "Text.",
        ])
        try office.succeed(["statement", "status", second, "open"])
        try office.succeed(["sign", "--statement", second, "--org", "CAP", "--status", "pledged"])
        let byCampaign = try office.succeed(["signatures", "--campaign", ids.campaign])
        let capRow = try #require(byCampaign.split(separator: "\n").first { $0.hasPrefix("CAP") })
        #expect(capRow.contains("signed") && capRow.contains("pledged"))
        #expect(byCampaign.split(separator: "\n").contains { $0.contains("DAFOH") && $0.contains("invited") })
        let invitedOnly = try #require(
            try office.json(["signatures", "--campaign", ids.campaign, "--status", "invited"]) as? [[String: Any]]
        )
        #expect(invitedOnly.map { $0["name"] as? String } == ["Doctors Against Forced Organ Harvesting"])
        #expect(try office.refuse(["signatures"]).contains("Give either --statement ID or --campaign ID."))
        let campaign = try office.succeed(["campaign", "show", ids.campaign])
        #expect(campaign.contains("1 invited, 2 signed") && campaign.contains("1 pledged"))
    }

    @Test func aLikelyDuplicateIsNamedWhenItIsMade() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let added = try office.run([
            "org", "add", "--name", "Cap liberte de conscience.", "--country", "FR", "--db", office.database,
        ])
        #expect(added.status == 0)
        #expect(
            added.stderr.contains(
                "warning: this looks like CAP Liberté de Conscience (CAP) (\(ids.cap.prefix(8))): same name and country (FR)"
            )
        )
        #expect(added.stderr.contains("signatory org merge \(added.output.prefix(8)) --into \(ids.cap.prefix(8))"))
        // `org duplicates` knows at once, without a sync.
        let pairs = try #require(try office.json(["org", "duplicates"]) as? [[String: Any]])
        #expect(pairs.count == 1 && (pairs[0]["reason"] as? String) == "same name and country (FR)")
        let edited = try office.run(["org", "edit", "SIRDO", "--acronym", "dafoh", "--db", office.database])
        #expect(
            edited.stderr.contains("same acronym (")
                && edited.stderr.contains("Doctors Against Forced Organ Harvesting")
        )
        try office.succeed(["org", "edit", ids.sirdo, "--acronym", "SIRDO"])
        try office.succeed(["org", "merge", added.output, "--into", "CAP", "--yes"])
        #expect((try office.json(["org", "duplicates"]) as? [Any])?.isEmpty == true)
    }

    /// A duplicate that withdrew is merged; signing for the organisation kept then shows as
    /// signed, and `sign --json` prints the row every signature on it settles to.
    @Test func aStandAfterAMergeIsWhatTheRowShows() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["org", "add", "--name", "Dup Org", "--acronym", "DUP"])
        try office.succeed(["sign", "--statement", ids.statement, "--org", "DUP", "--status", "signed", "--no-consent"])
        try office.succeed(["sign", "--statement", ids.statement, "--org", "DUP", "--status", "withdrawn"])
        try office.succeed(["org", "merge", "DUP", "--into", "CAP", "--yes"])
        let row = try #require(
            try office.json(["sign", "--statement", ids.statement, "--org", "CAP", "--status", "signed"])
                as? [String: Any]
        )
        #expect(row["status"] as? String == "signed" && row["organisationId"] as? String == ids.cap)
        #expect(row["consentToPublish"] as? Bool == false, "the duplicate's refusal still counts")
        let rows = try #require(try office.json(["signatures", "--statement", ids.statement]) as? [[String: Any]])
        #expect(
            rows.filter { $0["organisationId"] as? String == ids.cap }.map { $0["status"] as? String } == ["signed"]
        )
    }

    @Test func aCSVForExcelStartsWithAByteOrderMark() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        let path = office.folder.path("sheet.csv")
        try office.succeed([
            "export", "contacts", "--statement", ids.statement, "--format", "csv", "--bom", "--out", path,
        ])
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let header = try PythonScript.run(
            "import csv, sys; print(next(csv.reader(open(sys.argv[1] if len(sys.argv) > 1 else '/dev/stdin', encoding='utf-8-sig')))[0])",
            input: Array(bytes)
        )
        #expect(header.trimmingCharacters(in: .newlines) == "Organisation")
        #expect(
            try office.refuse(["export", "contacts", "--all", "--format", "vcard", "--bom"]).contains(
                "--bom is for the CSV formats"
            )
        )
    }

    @Test func aRememberedHubIsUsedWhenNoneIsGiven() throws {
        let office = try OfficeFixture()
        #expect(try office.refuse(["sync", "push"]).contains("No hub given: add --hub URL"))
        #expect(try office.refuse(["hub", "remote", "set", "ftp://hub.example.org"]).contains("is not a hub address"))
        for address in [
            "http://user:secret@hub.example.org", "http://hub.example.org:99999", "http://hub.example.org/v1/x",
            "https://hub.example.org/?q=1", "http://hub.example.org\nEvil: yes",
        ] {
            let message = try office.refuse(["hub", "remote", "set", address])
            #expect(message.contains("is not a hub address") && message.split(separator: "\n").count == 1, "\(address)")
        }
        #expect(try office.refuse(["hub", "remote", "set", "http://[::1]:8080"]).contains("IPv6"))
        #expect(try office.succeed(["hub", "remote"]).contains("no hub remembered"))
        try office.succeed(["hub", "remote", "set", "http://127.0.0.1:9"])
        #expect(try office.succeed(["hub", "remote", "show"]) == "http://127.0.0.1:9")
        try office.succeed(["hub", "remote", "unset"])
        #expect(try office.refuse(["sync", "pull"]).contains("No hub given"))
    }

    @Test func cardsAndTrustShowTheSameFingerprint() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let card = try offices[0].run(["office", "card"])
        let fingerprint = try #require(card.stderr.split(separator: ":").last).trimmingCharacters(
            in: .whitespacesAndNewlines
        )
        #expect(fingerprint.split(separator: " ").map(\.count) == [5, 5, 5, 5, 5, 5])
        let path = offices[1].folder.path("geneva.card")
        try card.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try offices[1].succeed(["office", "trust", path]).contains("fingerprint: \(fingerprint)"))
        let listed = try offices[1].succeed(["office", "list"])
        #expect(listed.contains(fingerprint))
        let own = try offices[1].run(["office", "card"]).stderr
        #expect(!own.contains(fingerprint))
    }
}
