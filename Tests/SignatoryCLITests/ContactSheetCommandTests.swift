import Foundation
import TestSupport
import Testing

struct ContactSheetCommandTests {
    @Test func exportWritesTheSheetAndCountsWhatItLeftOut() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        try office.succeed(["contact", "edit", ids.humenuc, "--at-risk"])
        let out = office.folder.path("sheet.vcf")
        let result = try office.run([
            "export", "contacts", "--statement", ids.statement, "--format", "vcard", "--out", out,
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "Left out 1 contact for the coalition audience: 1 at risk.\n")
        let card = try String(contentsOfFile: out, encoding: .utf8)
        #expect(card.contains("FN:Thierry Valle\r\n") && !card.contains("Humenuc"))
        let everyone = try office.run(["export", "contacts", "--all", "--format", "csv", "--audience", "internal"])
        #expect(everyone.stdout.contains("Lucica Humenuc") && everyone.stdout.contains("Dr. Torsten Trey"))
        #expect(everyone.stderr == "Left out 0 contacts for the internal audience.\n")
        let campaign = try office.succeed(["export", "contacts", "--campaign", ids.campaign, "--format", "markdown"])
        #expect(campaign.hasPrefix("# Contact sheet: World Day against Trafficking in Persons"))
    }

    @Test func badExportArgumentsAreRefusedWithoutWriting() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let out = office.folder.path("never.csv")
        #expect(
            try office.refuse(["export", "contacts", "--format", "csv"]).contains(
                "--statement ID, --campaign ID or --all"
            )
        )
        try office.refuse(["export", "contacts", "--all", "--statement", ids.statement, "--format", "csv"])
        try office.refuse(["export", "contacts", "--all", "--format", "xlsx"])
        try office.refuse(["export", "contacts", "--all", "--format", "csv", "--audience", "press"])
        try office.refuse(["export", "contacts", "--statement", "ffffffff", "--format", "csv", "--out", out])
        try office.refuse([
            "export", "contacts", "--all", "--format", "csv", "--out", office.folder.path("no/such/folder/x.csv"),
        ])
        #expect(!FileManager.default.fileExists(atPath: out))
        // The public sees no draft: its sheet is refused, not written empty or with the draft's lead.
        let campaign = try office.succeed(["campaign", "add", "--name", "Next campaign"])
        let draft = try office.succeed([
            "statement", "add", "--campaign", campaign, "--title", "Draft wording", "--body", "Not yet agreed.",
            "--lead", "CAP",
        ])
        let refusal = try office.refuse([
            "export", "contacts", "--statement", draft, "--format", "csv", "--audience", "public", "--out", out,
        ])
        #expect(refusal.contains("'Draft wording' is a draft, which the public audience does not see"), "\(refusal)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(
            try office.succeed(["export", "contacts", "--statement", draft, "--format", "csv"]).contains(
                "Thierry Valle"
            )
        )
    }

    @Test func statementRendersAsMarkdown() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        let result = try office.run(["statement", "render", ids.statement, "--format", "markdown"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                # No one left behind

                We ask states to end trafficking for organs.

                **Doctors Against Forced Organ Harvesting (DAFOH)**

                Contact: Dr. Torsten Trey, Executive Director

                ## Joint statement with:

                *Co-signed by 2 organisations from 2 countries.*

                **CAP Liberté de Conscience (CAP), NGO with special United Nations Consultative Status**

                Contact: Thierry Valle, Director

                **Romanian Independent Society of Human Rights (SIRDO), NGO with special United Nations Consultative Status**

                Contact: Lucica Humenuc, Director

                """
        )
        let html = try office.succeed(["statement", "render", ids.statement, "--format", "html"])
        #expect(
            html.hasPrefix("<!DOCTYPE html>")
                && html.contains("<p><strong><bdi>CAP Liberté de Conscience (CAP)</bdi>, NGO with special")
        )
    }

    @Test func signersImportFromASignOnForm() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let form = office.folder.path("sign-on.csv")
        try """
        Organisation,Acronym,Country,ECOSOC category,Contact name,Title,Email,Phone,Consent
        CAP Liberte de Conscience,CAP,France,special,Thierry Valle,Director,,,yes
        Friends of Dharma,FoD,Taiwan,,Ann Lee,Coordinator,ann@fod.example,+886 2 5555 0100,yes

        """.write(toFile: form, atomically: true, encoding: .utf8)
        let dryRun = try office.succeed(["import", "signers", "--statement", ids.statement, form, "--dry-run"])
        #expect(dryRun.hasPrefix("Dry run, nothing written: 1 created, 1 matched, 0 updated, 0 rejected"))
        #expect(try office.succeed(["signatures", "--statement", ids.statement]).isEmpty)
        let report = try office.succeed(["import", "signers", "--statement", ids.statement, form])
        #expect(
            report.hasPrefix(
                "1 created, 1 matched, 0 updated, 0 rejected; 1 contact(s) added, 2 signature(s) recorded."
            )
        )
        let render = try office.succeed(["statement", "render", ids.statement])
        #expect(render.contains("Friends of Dharma (FoD)\nContact: Ann Lee, Coordinator"))
        #expect(render.contains("Co-signed by 2 organisations from 2 countries."))
        // Ended by a line break, so that what the shell or standard error prints next starts a line.
        for format in ["text", "markdown", "html"] {
            let printed = try office.run(["statement", "render", ids.statement, "--format", format]).stdout
            #expect(printed.hasSuffix("\n") && !printed.hasSuffix("\n\n\n"), "\(format)")
        }
    }

    @Test func aStatementsSheetListsItsLeadOrganisationAndContact() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        func leadLine(_ audience: String) throws -> Substring? {
            let sheet = try office.succeed([
                "export", "contacts", "--statement", ids.statement, "--format", "csv", "--audience", audience,
            ])
            return sheet.split(separator: "\r\n").first { $0.hasPrefix("Doctors Against") }
        }
        for audience in ["internal", "coalition"] {
            let lead = try #require(try leadLine(audience), "\(audience)")
            #expect(lead.contains("Dr. Torsten Trey,Executive Director") && lead.contains(",lead,"), "\(audience)")
        }
        // The public learns the lead, which has signed nothing, once the statement is published.
        #expect(try leadLine("public") == nil)
        try office.succeed(["statement", "status", ids.statement, "closed"])
        try office.succeed(["statement", "status", ids.statement, "published", "--date", "2026-07-30"])
        #expect(try leadLine("public")?.contains("Dr. Torsten Trey,Executive Director,,,lead,") == true)
        let markdown = try office.succeed(["export", "contacts", "--statement", ids.statement, "--format", "markdown"])
        #expect(markdown.contains("*lead: No one left behind*"))
    }

    /// Staff see why a sheet leaves a contact out: one who reads like a person at risk is marked
    /// in `contact list`, `contact show` and `org show`, as the person at risk is.
    @Test func aContactLikeOneAtRiskIsMarkedWhereStaffLook() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["contact", "edit", ids.humenuc, "--at-risk"])
        let twin = try office.succeed([
            "contact", "add", "--org", "CAP", "--name", "LUCICA  Humenuc", "--title", "Intern",
        ])
        let list = try office.succeed(["contact", "list"]).split(separator: "\n")
        #expect(list.first { $0.contains("LUCICA  Humenuc") }?.hasSuffix("like one at risk") == true)
        #expect(list.first { $0.contains("Lucica Humenuc") }?.hasSuffix("at risk") == true)
        #expect(list.first { $0.contains("Thierry Valle") }?.contains("at risk") == false)
        func shownRisk(_ contact: String) throws -> String? {
            try office.succeed(["contact", "show", contact]).split(separator: "\n").first { $0.hasPrefix("at risk ") }
                .map { $0.dropFirst("at risk".count).trimmingCharacters(in: .whitespaces) }
        }
        #expect(try shownRisk(twin) == "no, but like one at risk: left out of shared sheets")
        #expect(try shownRisk(ids.humenuc) == "yes")
        #expect(try shownRisk(ids.valle) == "no")
        let listed = try #require(try office.json(["contact", "list"]) as? [[String: Any]])
        let marks = Dictionary(uniqueKeysWithValues: listed.map { ($0["id"] as? String, $0["likeOneAtRisk"] as? Bool) })
        #expect(marks[twin] == true && marks[ids.humenuc] == false && marks[ids.valle] == false)
        let shown = try office.json(["contact", "show", twin]) as? [String: Any]
        #expect(shown?["likeOneAtRisk"] as? Bool == true && shown?["atRisk"] as? Bool == false)
        let held = try office.json(["org", "show", "CAP"]) as? [String: Any]
        let heldMarks = (held?["contacts"] as? [[String: Any]])?.map { $0["likeOneAtRisk"] as? Bool }
        #expect(heldMarks == [true, false])  // LUCICA Humenuc, then Thierry Valle
        let organisation = try office.succeed(["org", "show", "CAP"])
        #expect(organisation.contains("LUCICA  Humenuc, Intern  [like one at risk]"))
        #expect(!organisation.contains("Thierry Valle, Director  ["))
    }

    /// A person at risk held with a title and a middle initial, entered again by a sign-on form
    /// under the plain name, is not published through the second entry.
    @Test func aSignOnEntryPlainerThanThePersonAtRiskIsNotPublished() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["contact", "edit", ids.humenuc, "--name", "Dr. Lucica M. Humenuc", "--at-risk"])
        let form = office.folder.path("sign-on.csv")
        try
            "Organisation,Country,Contact name,Email,Consent to publish\r\nRomania Women Network,RO,Lucica Humenuc,lucica.h@example.org,yes\r\n"
            .write(toFile: form, atomically: true, encoding: .utf8)
        try office.succeed(["import", "signers", "--statement", ids.statement, form])
        let rendered = try office.succeed(["statement", "render", ids.statement])
        #expect(rendered.contains("Romania Women Network"), "the negative control: the organisation is listed")
        #expect(!rendered.contains("Humenuc"))
        let sheet = office.folder.path("public.csv")
        try office.succeed([
            "export", "contacts", "--statement", ids.statement, "--format", "csv", "--audience", "public", "--out",
            sheet,
        ])
        let text = try String(contentsOfFile: sheet, encoding: .utf8)
        #expect(text.contains("Romania Women Network") && !text.contains("Humenuc") && !text.contains("lucica.h@"))
        let listed = try office.succeed(["contact", "list"]).split(separator: "\n")
        #expect(listed.first { $0.contains("Lucica Humenuc") }?.hasSuffix("like one at risk") == true)
    }

    /// A person at risk given a safer address and number stays protected by the ones given up:
    /// another entry holding them is left out of shared sheets, and the edit is not said to
    /// expose it (hostile review 60).
    @Test func aPersonAtRiskIsProtectedByTheAddressAndNumberGivenUp() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let (email, phone) = ("lucica@sirdo.example", "+40 21 555 0100")
        try office.succeed(["contact", "edit", ids.humenuc, "--email", email, "--phone", phone, "--at-risk"])
        try office.succeed(["org", "add", "--name", "Other Network", "--acronym", "OTH", "--country", "KE"])
        for (name, email, phone) in [
            ("Maria Ionescu", email, "+254 20 555 0101"), ("Ana Pop", "ana@other.example", phone),
            ("Elena Dobre", "elena@other.example", "+254 20 555 0102"),
        ] {
            try office.succeed([
                "contact", "add", "--org", "OTH", "--name", name, "--email", email, "--phone", phone, "--consent",
            ])
        }
        try office.succeed(["sign", "--statement", ids.statement, "--org", "OTH", "--consent"])
        let safer = try office.run([
            "contact", "edit", ids.humenuc, "--email", "l.h@proton.example", "--phone", "+40 21 555 0999",
        ])
        #expect(safer.status == 0 && safer.stderr.isEmpty, "\(safer.stderr)")
        let sheet = try office.succeed(["export", "contacts", "--statement", ids.statement, "--format", "csv"])
        #expect(sheet.contains("Elena Dobre"), "the negative control: a contact who shares nothing is named")
        for hidden in ["Maria Ionescu", "Ana Pop", email, "Humenuc", "proton"] {
            #expect(!sheet.contains(hidden), "\(hidden)")
        }
        let freed = try office.run(["contact", "edit", ids.humenuc, "--no-at-risk", "--yes"])
        #expect(freed.stderr.contains("Maria Ionescu") && freed.stderr.contains("Ana Pop"), "\(freed.stderr)")
        let named = try office.succeed(["export", "contacts", "--statement", ids.statement, "--format", "csv"])
        #expect(named.contains("Maria Ionescu") && named.contains("Ana Pop"))
    }

    /// Un-marking, removing or erasing a person at risk lets shared sheets name the contacts that
    /// read like them: the coordinator confirms it, and is told which, before confirming and after.
    @Test func freeingAPersonAtRiskNamesTheLookalikesItExposes() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["contact", "edit", ids.humenuc, "--at-risk"])
        let twin = try office.succeed(["contact", "add", "--org", "CAP", "--name", "LUCICA Humenuc"])
        let warning = "name 1 contact left out until now for reading like Lucica Humenuc: LUCICA Humenuc ("
        #expect(try office.run(["contact", "edit", ids.humenuc, "--title", "Chair"]).stderr.isEmpty)
        // One flag typed for another must not free a person at risk: it is confirmed first.
        let unchanged = databaseBytes(office.database)
        let asked = try office.refuse(["contact", "edit", ids.humenuc, "--no-at-risk"])
        #expect(asked.contains("take the at-risk mark off Lucica Humenuc at every office"), "\(asked)")
        #expect(asked.contains("then shared sheets will " + warning) && asked.contains("Add --yes to confirm it"))
        #expect(databaseBytes(office.database) == unchanged)
        let freed = try office.run(["contact", "edit", ids.humenuc, "--no-at-risk", "--yes"])
        #expect(freed.status == 0 && freed.stderr.contains("shared sheets now " + warning))
        #expect(freed.stderr.contains("signatory contact edit \(twin.prefix(8)) --at-risk"))
        try office.succeed(["contact", "edit", ids.humenuc, "--at-risk"])
        let before = try office.succeed(["contact", "list"])
        let refusal = try office.refuse(["contact", "remove", ids.humenuc])
        #expect(refusal.contains("then shared sheets will " + warning) && refusal.contains("nothing was changed"))
        #expect(try office.succeed(["contact", "list"]) == before)
        let erased = try office.refuse(["contact", "erase", ids.humenuc])
        #expect(erased.contains("then shared sheets will " + warning))
        let removed = try office.run(["contact", "remove", ids.humenuc, "--yes"])
        #expect(removed.status == 0 && removed.stderr.contains("shared sheets now " + warning))
        // Removing an organisation removes its contacts at risk with it.
        try office.succeed(["contact", "add", "--org", "SIRDO", "--name", "Humenuc Lucica", "--at-risk"])
        let listed = try office.succeed(["contact", "list"])
        let refused = try office.refuse(["org", "remove", "SIRDO", "--force"])
        #expect(
            refused.contains(
                "then shared sheets will name 1 contact left out until now for reading like Humenuc Lucica"
            )
        )
        #expect(try office.succeed(["contact", "list"]) == listed)
        let gone = try office.run(["org", "remove", "SIRDO", "--force", "--yes"])
        #expect(gone.status == 0 && gone.stderr.contains("shared sheets now name 1 contact"))
        let quiet = try office.run(["org", "remove", "DAFOH", "--force", "--yes"])
        #expect(quiet.status != 0 || !quiet.stderr.contains("shared sheets"))
    }

    /// An erasure received from another office frees the person's look-alikes too: the import,
    /// which cannot ask first, says which contacts shared sheets now name.
    @Test func anErasureReceivedNamesTheLookalikesItExposes() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let ids = try geneva.addReferenceStatement()
        try geneva.succeed(["contact", "edit", ids.humenuc, "--at-risk"])
        let twin = try geneva.succeed(["contact", "add", "--org", "CAP", "--name", "LUCICA Humenuc"])
        func send() throws -> CommandResult {
            let bundle = geneva.folder.path("bundle-\(UUID().uuidString).jsonl")
            try geneva.succeed(["sync", "export", "--out", bundle, "--for", "Bucharest"])
            return try bucharest.run(["sync", "import", bundle])
        }
        let first = try send()
        #expect(first.status == 0 && !first.stderr.contains("shared sheets"), "\(first.stderr)")
        try geneva.succeed(["contact", "erase", ids.humenuc, "--reason", "asked to be forgotten", "--yes"])
        let erased = try send()
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(
            erased.stderr.contains(
                "shared sheets now name 1 contact left out until now for reading like a person at risk"
            )
                && erased.stderr.contains("LUCICA Humenuc (\(twin.prefix(8)))"),
            "\(erased.stderr)"
        )
        let again = try send()
        #expect(again.status == 0 && !again.stderr.contains("shared sheets"), "\(again.stderr)")
    }

    @Test func badSignOnFilesAreRefusedWithoutWriting() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let bad = office.folder.path("bad.csv")
        try "Organisation,Country,Email\nGood One,KE,\nBad One,KE,not-an-email\n".write(
            toFile: bad,
            atomically: true,
            encoding: .utf8
        )
        let noConsent = try office.refuse(["import", "signers", "--statement", ids.statement, bad])
        #expect(
            noConsent.contains("consent is never assumed") && noConsent.contains("add --consent yes or --consent no")
        )
        let strict = ["--strict", "--consent", "no"]
        let message = try office.refuse(["import", "signers", "--statement", ids.statement, bad] + strict)
        #expect(message.contains("line 3: ") && message.contains("not-an-email") && message.contains("--skip-bad-rows"))
        // A dry run prints every row's outcome, the rejected one included, and fails like the import would.
        let dryRun = try office.run(["import", "signers", "--statement", ids.statement, bad, "--dry-run"] + strict)
        #expect(
            dryRun.status != 0 && dryRun.stdout.contains("Line 2: Good One: created")
                && dryRun.stdout.contains("Line 3: Bad One: rejected")
        )
        #expect(dryRun.stderr.contains("1 row(s) would be rejected"))
        try office.refuse(["import", "signers", "--statement", ids.statement, bad, "--consent", "maybe"])
        try office.refuse(["import", "signers", "--statement", ids.statement, bad, "--map", "Country"])
        try office.refuse(["import", "signers", "--statement", ids.statement, bad, "--map", "Country=nation"])
        try office.refuse(["import", "signers", "--statement", ids.statement, bad, "--mode", "merge"])
        try office.refuse(["import", "signers", "--statement", ids.statement, office.folder.path("missing.csv")])
        try office.refuse(["import", "signers", "--statement", "ffffffff", bad])
        let unterminated = office.folder.path("unterminated.csv")
        try "Organisation\n\"Never closed\n".write(toFile: unterminated, atomically: true, encoding: .utf8)
        #expect(
            try office.refuse(["import", "signers", "--statement", ids.statement, unterminated]).contains(
                "not valid CSV at line 2"
            )
        )
        try office.succeed(["import", "signers", "--statement", ids.statement, bad, "--skip-bad-rows"] + strict)
        #expect(try office.succeed(["org", "list"]).contains("Good One"))
        #expect(!(try office.succeed(["org", "list"])).contains("Bad One"))
        // Without --strict the bad email is left empty with a warning, and the row signs.
        let lenient = try office.succeed(["import", "signers", "--statement", ids.statement, bad, "--consent", "no"])
        #expect(lenient.contains("Warning, line 3: ") && lenient.contains("email left empty"))
        #expect(try office.succeed(["org", "list"]).contains("Bad One"))
    }
}
