import Foundation
import TestSupport
import Testing

/// Publishing records what was published; later changes are listed, never rewritten into it.
struct PublicationCommandTests {
    /// The reference rendering with the publication's date, place and occasion.
    static let published =
        EndToEndTests.referenceRendering + "\nGeneva, 30 July 2026\nWorld Day against Trafficking in Persons\n"

    /// The reference statement, signed by CAP and SIRDO and published.
    static func publishedStatement() throws -> (OfficeFixture, ReferenceIDs) {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        try office.succeed(["statement", "status", ids.statement, "closed"])
        try office.succeed([
            "statement", "status", ids.statement, "published", "--date", "2026-07-30", "--place", "Geneva",
            "--occasion", "World Day against Trafficking in Persons",
        ])
        return (office, ids)
    }

    /// A date before 1945 or after 2200 is refused as out of range, not as a date that does not exist.
    @Test func aPublicationDateOutsideItsYearsIsRefusedAsSuch() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        try office.succeed(["statement", "status", ids.statement, "closed"])
        for date in ["1944-12-31", "2201-01-01"] {
            let message = try office.refuse(["statement", "status", ids.statement, "published", "--date", date])
            #expect(message.contains("publication date \(date) is not between 1945 and 2200"), "\(message)")
        }
        #expect(
            try office.refuse(["statement", "status", ids.statement, "published", "--date", "2026-02-30"]).contains(
                "date '2026-02-30' is not a calendar date"
            )
        )
    }

    @Test func thePublishedStatementRendersAsPublishedWhateverHappensLater() throws {
        let (office, ids) = try Self.publishedStatement()
        #expect(try office.run(["statement", "render", ids.statement]).stdout == Self.published)
        try office.succeed(["sign", "--statement", ids.statement, "--org", "SIRDO", "--status", "withdrawn"])
        try office.succeed(["contact", "edit", ids.valle, "--at-risk"])
        let later = try office.run(["statement", "render", ids.statement])
        // SIRDO stays as published; a person now at risk is never named again.
        #expect(later.stdout == Self.published.replacingOccurrences(of: "Contact: Thierry Valle, Director\n", with: ""))
        #expect(later.stderr.contains("since publication: Romanian Independent Society of Human Rights (SIRDO)"))
        #expect(later.stderr.contains("is no longer on the list: it now stands as withdrawn"))
        #expect(later.stderr.contains("since publication: the contact line of CAP Liberté de Conscience"))
        #expect(!later.stderr.contains("at risk"))
        let show = try office.json(["statement", "show", ids.statement]) as? [String: Any]
        let record = try #require(show?["publication"] as? [String: Any])
        #expect(record["date"] as? String == "2026-07-30" && record["place"] as? String == "Geneva")
        #expect((record["cosigners"] as? [Any])?.count == 2)
    }

    /// Merging the published lead into a co-signer makes that co-signer the lead: it has not left
    /// the list, and the notes say which organisation leads now.
    @Test func aCoSignerThatBecameTheLeadIsNotSaidToHaveLeft() throws {
        let (office, ids) = try Self.publishedStatement()
        try office.succeed(["org", "merge", "DAFOH", "--into", "SIRDO", "--yes"])
        #expect(
            try Self.renderedNotes(office, ids) == [
                "since publication: the lead organisation is now Romanian Independent Society of Human Rights "
                    + "(SIRDO); Doctors Against Forced Organ Harvesting (DAFOH) was published as the lead"
            ]
        )
    }

    /// A co-signer merged into the lead is on the list as the lead: the note says it was merged.
    /// A render that cannot be written prints its error alone, without the notes.
    @Test func aCoSignerMergedIntoTheLeadIsSaidToBeMerged() throws {
        let (office, ids) = try Self.publishedStatement()
        try office.succeed(["org", "merge", "SIRDO", "--into", "DAFOH", "--yes"])
        #expect(
            try Self.renderedNotes(office, ids) == [
                "since publication: Romanian Independent Society of Human Rights (SIRDO) was merged into Doctors "
                    + "Against Forced Organ Harvesting (DAFOH)"
            ]
        )
        let refusal = try office.refuse(["statement", "render", ids.statement, "--out", office.folder.path("")])
        #expect(refusal.split(separator: "\n").count == 1 && refusal.hasPrefix("Error: "))
    }

    /// The duplicate a co-signer was merged into did not sign: it stands for the co-signer.
    @Test func anOrganisationACoSignerWasMergedIntoIsNotSaidToHaveSigned() throws {
        let (office, ids) = try Self.publishedStatement()
        let kept = try office.succeed(["org", "add", "--name", "Romanian Independent Society for Human Rights"])
        try office.succeed(["org", "merge", "SIRDO", "--into", kept, "--yes"])
        #expect(
            try Self.renderedNotes(office, ids) == [
                "since publication: Romanian Independent Society of Human Rights (SIRDO) was merged into Romanian "
                    + "Independent Society for Human Rights"
            ]
        )
    }

    /// A co-signer renamed and then withdrawn is named as published and as it reads now.
    @Test func aCoSignerThatLeftIsNamedAsItReadsNow() throws {
        let (office, ids) = try Self.publishedStatement()
        try office.succeed(["org", "edit", "SIRDO", "--acronym", "RISHR"])
        try office.succeed(["sign", "--statement", ids.statement, "--org", "RISHR", "--status", "withdrawn"])
        #expect(
            try Self.renderedNotes(office, ids) == [
                "since publication: Romanian Independent Society of Human Rights (SIRDO) (now Romanian Independent "
                    + "Society of Human Rights (RISHR)) is no longer on the list: it now stands as withdrawn"
            ]
        )
    }

    /// A lead that withdraws is listed as published, with a warning.
    @Test func aLeadThatWithdrewIsWarnedOf() throws {
        let (office, ids) = try Self.publishedStatement()
        try office.succeed(["sign", "--statement", ids.statement, "--org", "DAFOH", "--status", "withdrawn"])
        #expect(
            try Self.renderedNotes(office, ids, starting: "warning") == [
                "warning: the lead organisation, Doctors Against Forced Organ Harvesting (DAFOH), stands as withdrawn "
                    + "on this statement"
            ]
        )
    }

    /// The lines of standard error starting with `starting` when the published statement renders,
    /// as published.
    private static func renderedNotes(
        _ office: OfficeFixture,
        _ ids: ReferenceIDs,
        starting: String = "since publication"
    ) throws -> [String] {
        let render = try office.run(["statement", "render", ids.statement])
        #expect(render.stdout == Self.published)
        return render.stderr.split(separator: "\n").filter { $0.hasPrefix(starting) }.map(String.init)
    }

    /// The published line prints the name the contact had then: once a person of that name is
    /// at risk, it is left out, even though the contact it belonged to is now called otherwise.
    @Test func aPrintedNameThatIsNowAtRiskIsLeftOutAfterARename() throws {
        let (office, ids) = try Self.publishedStatement()
        try office.succeed(["contact", "edit", ids.valle, "--name", "Marc Dupont"])
        #expect(try office.run(["statement", "render", ids.statement]).stdout == Self.published)
        try office.succeed([
            "contact", "add", "--org", "SIRDO", "--name", "Thierry VALLE", "--title", "Volunteer", "--at-risk",
        ])
        let later = try office.run(["statement", "render", ids.statement])
        #expect(later.stdout == Self.published.replacingOccurrences(of: "Contact: Thierry Valle, Director\n", with: ""))
        #expect(later.stderr.contains("since publication: the contact line of CAP Liberté de Conscience"))
    }

    @Test func publishingOverOlderWordingsNamesThemAndNeedsConfirmation() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        try office.succeed(["statement", "edit", ids.statement, "--body", "We ask all states to end trafficking."])
        try office.succeed(["statement", "status", ids.statement, "closed"])
        let refusal = try office.refuse(["statement", "status", ids.statement, "published"])
        // A line each, as typed: the one-line error shows a line break as \u{A}.
        let lines = refusal.split(separator: "\n")
        let older = lines.filter { $0.contains(" signed an older wording (") }
        #expect(older.contains { $0.hasPrefix("CAP Liberté de Conscience (CAP) signed an older wording") })
        let error =
            "Error: \(older.count) co-signer(s) above signed an older wording; publish anyway with "
            + "--confirm-older-wordings, or ask them to sign the current wording."
        #expect(lines.last.map(String.init) == error)
        #expect(!refusal.contains("\\u{A}"))
        #expect(
            try office.refuse(["statement", "status", ids.statement, "closed", "--place", "Geneva"]).contains(
                "go with publishing"
            )
        )
        try office.succeed(["statement", "status", ids.statement, "published", "--confirm-older-wordings"])
        #expect(try office.succeed(["statement", "show", ids.statement]).contains("published "))
    }

    @Test func theRecordTravelsToOtherOffices() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let ids = try geneva.addReferenceStatement()
        try geneva.signReferenceStatement(ids)
        try geneva.succeed(["statement", "status", ids.statement, "closed"])
        try geneva.succeed(["statement", "status", ids.statement, "published", "--place", "Geneva"])
        try SyncCommandTests.send(geneva, to: bucharest)
        try bucharest.succeed(["org", "remove", "SIRDO", "--force", "--yes"])
        let there = try bucharest.run(["statement", "render", ids.statement])
        // As published at Geneva, but a removed contact is not named any more.
        let atGeneva = try geneva.run(["statement", "render", ids.statement]).stdout
        #expect(atGeneva.contains("Contact: Lucica Humenuc, Director\n"))
        #expect(there.stdout == atGeneva.replacingOccurrences(of: "Contact: Lucica Humenuc, Director\n", with: ""))
        #expect(there.stdout.contains("Romanian Independent Society of Human Rights"))
        #expect(there.stderr.contains("since publication"))
        #expect(try geneva.succeed(["sync", "dump"]).contains("Geneva"))
    }

    /// An office that edits the text while another publishes it, neither having seen the other's
    /// change, leaves the record with a wording nobody published: the published one is what prints.
    @Test func aWordingEditedWhileAnotherOfficePublishedIsNotPrintedAsPublished() throws {
        var published: CommandResult? = nil
        let (geneva, bucharest, ids) = try Self.publishedWhileEditedElsewhere { bucharest, ids in
            published = try bucharest.run(["statement", "render", ids.statement])
        }
        let asPublished = try #require(published)
        #expect(asPublished.stderr.isEmpty)
        try SyncCommandTests.send(geneva, to: bucharest)
        for office in [geneva, bucharest] {
            let hash = try Self.publishedHash(office, ids)
            let later = try office.run(["statement", "render", ids.statement])
            #expect(later.stdout == asPublished.stdout)
            #expect(!later.stdout.contains("Never published") && !later.stdout.contains("Not this."))
            #expect(
                later.stderr.split(separator: "\n").contains {
                    $0.hasPrefix("since publication: the wording was edited (now ")
                        && $0.hasSuffix(
                            ") at an office that had not seen the publication; the wording published, "
                                + "\(hash), is printed"
                        )
                }
            )
        }
    }

    /// A title edited at one office and a body at another merge into a wording neither recorded:
    /// the office that signs it, or publishes it, records it, so that it can be shown everywhere.
    @Test func aWordingMergedFromTwoOfficesIsRecordedByTheOfficeThatSignsOrPublishesIt() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let ids = try geneva.addReferenceStatement()
        func mergeConcurrentEdits(_ round: Int) throws -> String {
            try SyncCommandTests.send(geneva, to: bucharest)
            try geneva.succeed(["statement", "edit", ids.statement, "--title", "Title from Geneva \(round)"])
            try bucharest.succeed([
                "statement", "edit", ids.statement, "--body", "Body from Bucharest \(round).", "--language", "fr",
            ])
            try SyncCommandTests.send(bucharest, to: geneva)
            try SyncCommandTests.send(geneva, to: bucharest)
            let show = try #require(try geneva.json(["statement", "show", ids.statement]) as? [String: Any])
            let hash = try #require(show["textHash"] as? String)
            #expect(!Self.wordings(show).contains(hash), "the merge itself records nothing")
            return hash
        }
        func expectShown(_ hash: String, round: Int) throws {
            for office in [geneva, bucharest] {
                let shown = try office.succeed([
                    "statement", "show", ids.statement, "--wording", String(hash.prefix(8)),
                ])
                #expect(shown.contains("Title from Geneva \(round)") && shown.contains("Body from Bucharest \(round)."))
            }
        }
        let signed = try mergeConcurrentEdits(1)
        try geneva.succeed(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", ids.valle])
        try SyncCommandTests.send(geneva, to: bucharest)
        try expectShown(signed, round: 1)
        let published = try mergeConcurrentEdits(2)
        try bucharest.succeed(["statement", "status", ids.statement, "closed"])
        try bucharest.succeed(["statement", "status", ids.statement, "published", "--confirm-older-wordings"])
        try SyncCommandTests.send(bucharest, to: geneva)
        try expectShown(published, round: 2)
    }

    /// Two offices that publish at once leave a conflict over the record; settling it keeps one of
    /// the two records, never one typed in, which would put other organisations under the text.
    @Test func aPublicationConflictKeepsOneOfTheRecordsPublished() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let ids = try geneva.addReferenceStatement()
        try geneva.signReferenceStatement(ids)
        try SyncCommandTests.send(geneva, to: bucharest)
        for (office, place) in [(geneva, "Geneva"), (bucharest, "Bucharest")] {
            try office.succeed(["statement", "status", ids.statement, "closed"])
            try office.succeed(["statement", "status", ids.statement, "published", "--place", place])
        }
        try SyncCommandTests.send(bucharest, to: geneva)
        let listed = try #require(try geneva.json(["conflicts", "list"]) as? [[String: Any]])
        let conflict = try #require(listed.first { $0["field"] as? String == "publication" }?["id"] as? String)
        let before = databaseBytes(geneva.database)
        let forged =
            #"{"cosigners":[],"date":"2026-12-06","place":"Nowhere","textHash":"\#(String(repeating: "0", count: 64))"}"#
        let refusal = try geneva.refuse(["conflicts", "resolve", conflict, "--keep", forged, "--yes"])
        #expect(refusal.contains("keep one of the two versions, no other value settles this conflict"), "\(refusal)")
        #expect(refusal.contains("type --keep kept or --keep other"))
        #expect(databaseBytes(geneva.database) == before)
        try geneva.succeed(["conflicts", "resolve", conflict, "--keep", "other", "--yes"])
        let rendered = try geneva.succeed(["statement", "render", ids.statement])
        #expect(rendered.contains("\nGeneva, ") != rendered.contains("\nBucharest, "), "one record of the two")
        #expect(rendered.contains("Thierry Valle") && !rendered.contains("Nowhere"))
    }

    /// Two offices that record one wording typed with other trailing spaces and line endings (so
    /// with one hash) hold the same text once everything is exchanged, whatever the order, and
    /// nobody is told of a conflict between them.
    @Test func aWordingRecordedWithOtherSpacesConvergesWithoutAConflict() throws {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest", "Paris"])
        let (geneva, bucharest, paris) = (offices[0], offices[1], offices[2])
        let ids = try geneva.addReferenceStatement()
        try SyncCommandTests.send(geneva, to: bucharest)
        try SyncCommandTests.send(geneva, to: paris)
        let body = "We ask states to end trafficking for organs."
        try bucharest.succeed(["statement", "edit", ids.statement, "--title", "W-X", "--body", body + "   \r\nNow.  "])
        try paris.succeed(["statement", "edit", ids.statement, "--title", "W-X", "--body", body + "\nNow."])
        for (from, to) in [(bucharest, geneva), (paris, geneva), (geneva, bucharest), (geneva, paris)] {
            try SyncCommandTests.send(from, to: to)
        }
        let dumps = try offices.map { try $0.succeed(["sync", "dump"]) }
        #expect(dumps[0] == dumps[1] && dumps[1] == dumps[2])
        for office in offices {
            let listed = try #require(try office.json(["conflicts", "list"]) as? [[String: Any]])
            #expect(!listed.contains { $0["record"] as? String == "statementText" })
        }
        let shown = try offices.map { office in
            let show = try #require(try office.json(["statement", "show", ids.statement]) as? [String: Any])
            let hash = try #require(show["textHash"] as? String)
            return try office.succeed(["statement", "show", ids.statement, "--wording", String(hash.prefix(8))])
        }
        #expect(shown[0] == shown[1] && shown[1] == shown[2])
    }

    private static func wordings(_ show: [String: Any]) -> [String] {
        ((show["texts"] as? [[String: Any]]) ?? []).compactMap { $0["hash"] as? String }
    }

    /// An office that does not hold the wording published (its record came from an office whose
    /// changes have not reached it) refuses to print the statement as published rather than
    /// print the wording it holds under the publication's date.
    @Test func aPublishedWordingNotHeldIsNotReplacedByTheOneHeld() throws {
        let (geneva, _, ids) = try Self.publishedWhileEditedElsewhere()
        let hash = try Self.publishedHash(geneva, ids)
        // As if the wording's record had not arrived: its merge state and its row are gone.
        try geneva.editAsAnotherProgram(
            sql:
                "DELETE FROM entity_state WHERE kind = 'statementText' AND entity_id LIKE '\(ids.statement):\(hash)%'; "
                + "DELETE FROM statement_text WHERE statement_id = '\(ids.statement)' AND hash LIKE '\(hash)%'"
        )
        let render = try geneva.run(["statement", "render", ids.statement])
        #expect(render.status == 1 && render.stdout.isEmpty)
        #expect(
            render.stderr.contains(
                "'Never published' was published with wording \(hash), which this office does not hold"
            ),
            "\(render.stderr)"
        )
        #expect(try geneva.succeed(["statement", "show", ids.statement]).contains("Never published"))
    }

    /// Geneva edits the reference statement's text while Bucharest publishes it, neither having
    /// seen the other's change; Bucharest's changes then reach Geneva. `published` runs at
    /// Bucharest right after publishing.
    private static func publishedWhileEditedElsewhere(
        published: (OfficeFixture, ReferenceIDs) throws -> Void = { _, _ in }
    ) throws -> (geneva: OfficeFixture, bucharest: OfficeFixture, ids: ReferenceIDs) {
        let offices = try SyncCommandTests.offices(["Geneva", "Bucharest"])
        let (geneva, bucharest) = (offices[0], offices[1])
        let ids = try geneva.addReferenceStatement()
        try geneva.signReferenceStatement(ids)
        try SyncCommandTests.send(geneva, to: bucharest)
        try bucharest.succeed(["statement", "status", ids.statement, "closed"])
        try bucharest.succeed(["statement", "status", ids.statement, "published", "--place", "Geneva"])
        try published(bucharest, ids)
        try geneva.succeed(["statement", "edit", ids.statement, "--title", "Never published", "--body", "Not this."])
        try SyncCommandTests.send(bucharest, to: geneva)
        return (geneva, bucharest, ids)
    }

    /// The first 12 hex digits of the wording the statement's publication record names.
    private static func publishedHash(_ office: OfficeFixture, _ ids: ReferenceIDs) throws -> String {
        let show = try #require(try office.json(["statement", "show", ids.statement]) as? [String: Any])
        let record = try #require(show["publication"] as? [String: Any])
        return String(try #require(record["textHash"] as? String).prefix(12))
    }

    @Test func renderingKeepsListsAndIsolatesRightToLeftNames() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let body = "We ask states to:\n\n1. end trafficking for organs;\n2. protect defenders.\n\n# Not a heading"
        try office.succeed(["statement", "edit", ids.statement, "--body", body])
        try office.succeed(["org", "add", "--name", "جمعية حقوق الإنسان", "--country", "EG", "--ecosoc", "roster"])
        let arabic = try #require(
            (try office.json(["org", "list", "--country", "EG"]) as? [[String: Any]])?.first?["id"] as? String
        )
        try office.succeed(["sign", "--statement", ids.statement, "--org", arabic])
        let html = try office.succeed(["statement", "render", ids.statement, "--format", "html"])
        #expect(html.contains("<ol>\n<li>end trafficking for organs;</li>\n<li>protect defenders.</li>\n</ol>"))
        #expect(
            html.contains(
                "<strong><bdi>جمعية حقوق الإنسان</bdi>, NGO with roster United Nations Consultative Status</strong>"
            )
        )
        let markdown = try office.succeed(["statement", "render", ids.statement, "--format", "markdown"])
        #expect(markdown.contains("\n1. end trafficking for organs;\n2. protect defenders.\n"))
        #expect(markdown.contains("\n\\# Not a heading"))
        let path = office.folder.path("statement.txt")
        try office.succeed(["statement", "render", ids.statement, "--out", path])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\u{2068}جمعية حقوق الإنسان\u{2069}, NGO with roster United Nations Consultative Status"))
        #expect(
            try office.refuse(["statement", "render", ids.statement, "--out", office.database]).contains("database")
        )
        // A list right after a line of text, with no blank line between, is a list too.
        try office.succeed(["statement", "edit", ids.statement, "--body", "We ask:\n- one thing;\n- another."])
        let listed = try office.succeed(["statement", "render", ids.statement, "--format", "html"])
        #expect(listed.contains("<p>We ask:</p>\n<ul>\n<li>one thing;</li>\n<li>another.</li>\n</ul>"))
    }

    /// A record that could not travel to other offices is refused before anything is written.
    @Test func aPublicationTooLargeToTravelIsRefused() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let form = office.folder.path("many.csv")
        let long = String(repeating: "x", count: 960)
        var csv = "Organisation,Contact name,Consent\n"
        for index in 1...2_300 { csv += "Organisation \(index) \(long),Person \(index) \(long),yes\n" }
        try csv.write(toFile: form, atomically: true, encoding: .utf8)
        try office.succeed(["import", "signers", "--statement", ids.statement, form])
        try office.succeed(["statement", "status", ids.statement, "closed"])
        let message = try office.refuse(["statement", "status", ids.statement, "published"])
        #expect(message.contains("more than the 4 MiB a change can carry to other offices; nothing was changed"))
        #expect(try office.succeed(["statement", "show", ids.statement]).contains("closed"))
    }
}
