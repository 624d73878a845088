import Foundation
import TestSupport
import Testing

/// Names, titles and notes hold readable text only, and nothing prints terminal control.
struct TerminalTextTests {
    @Test func controlCharactersAreRefusedOnInput() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let hostile = [
            "Evil\u{1B}[2J", "Bell\u{07}", "Right\u{202E}txt.exe", "Isolate\u{2066}x", "Line\nbreak", "C1\u{9B}31m",
            "Bad\u{FFFD}",
        ]
        for text in hostile {
            for arguments in [
                ["org", "add", "--name", text], ["org", "edit", "CAP", "--acronym", text],
                ["contact", "edit", ids.valle, "--title", text], ["campaign", "add", "--name", text],
            ] {
                #expect(try office.refuse(arguments).contains("invisible control character"), "\(arguments)")
            }
        }
        // Tabs and line breaks are fine in notes; an escape is not.
        try office.succeed(["org", "edit", "CAP", "--notes", "Line one\nLine two\twith a tab"])
        #expect(try office.refuse(["org", "edit", "CAP", "--notes", "x\u{1B}]0;pwned\u{07}"]).contains("U+001B"))
        // Look-alike names made with invisible characters are refused too.
        for text in ["CA\u{200B}P", "C\u{E0041}AP", "C\u{FEFF}AP", "C\u{115F}AP", "CA\u{3164}P", "C\u{FFA0}AP"] {
            #expect(
                try office.refuse(["org", "add", "--name", text]).contains("invisible control character"),
                "\(text.unicodeScalars.map(\.value))"
            )
        }
        #expect(
            try office.refuse(["org", "add", "--name", "X", "--website", "http://x.org/\u{1B}[2J"]).contains(
                "is not a web address"
            )
        )
        // Arabic with its marks is text, not control.
        try office.succeed(["org", "add", "--name", "جمعية حقوق الإنسان\u{200F}", "--country", "EG"])
    }

    /// A table cell is padded, never cut: accents written as combining marks and emoji count as
    /// one character each, though they take two or more UTF-16 units.
    @Test func tablesPrintWholeNames() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let names = ["Ana Mari\u{301}a Lo\u{301}pez Garci\u{301}a", "Zoë 😀 Smith", "مُحَمَّد عَلِي"]
        for name in names { try office.succeed(["contact", "add", "--org", "CAP", "--name", name]) }
        let list = try office.succeed(["contact", "list"])
        for name in names { #expect(list.contains(name + "  "), "\(name)") }
        // A tab, which a name may hold, would push the next columns out of line.
        try office.succeed(["org", "add", "--name", "Tab\there", "--acronym", "TAB"])
        let organisations = try office.succeed(["org", "list"])
        #expect(organisations.contains("Tab\\u{9}here") && !organisations.contains("\t"), "\(organisations)")
    }

    /// Notes may end their lines with CR LF; a carriage return of its own would let stored text
    /// (typed here or synced from another office) overwrite the line it is printed on.
    @Test func aCarriageReturnInStoredTextIsShownNotObeyed() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        try office.succeed(["org", "edit", "CAP", "--notes", "Vetted by the lead\rNot vetted"])
        let shown = try office.succeed(["org", "show", "CAP"])
        #expect(shown.contains("Vetted by the lead\\u{D}Not vetted"), "\(shown)")
        #expect(!shown.unicodeScalars.contains("\r"))
        try office.succeed(["org", "edit", "CAP", "--notes", "Line one\r\nLine two"])
        #expect(try office.succeed(["org", "show", "CAP"]).contains("Line one\r\nLine two"))
    }

    /// Input refuses them, but a file another program changed may hold a C1 control or a bidi
    /// override: `--json` writes them as `\u` escapes, which JSON reads back as the same text.
    @Test func jsonOutputEscapesWhatWouldActOnTheTerminal() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        let name = "CAP\u{9B}31m Liberté\u{202E}txt\u{2028}de Conscience"
        try office.editAsAnotherProgram(sql: "UPDATE organisation SET name = '\(name)' WHERE acronym = 'CAP'")
        let json = try office.succeed(["org", "show", "CAP", "--json"])
        #expect(json.contains(#"CAP\u009b31m Liberté\u202etxt\u2028de Conscience"#), "\(json)")
        #expect(!json.unicodeScalars.contains { [0x9B, 0x202E, 0x2028].contains($0.value) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == name)
    }

    /// A contact sheet printed on a terminal shows what another program wrote into the file;
    /// piped or redirected, it keeps the bytes as they are, as `--out` does.
    @Test func aContactSheetOnATerminalShowsControlCharacters() throws {
        let office = try OfficeFixture()
        _ = try office.addReferenceStatement()
        try office.editAsAnotherProgram(
            sql: "UPDATE contact SET full_name = 'Thierry Valle' || char(27) || '[2J' WHERE full_name = 'Thierry Valle'"
        )
        let arguments = ["export", "contacts", "--all", "--format", "csv", "--audience", "internal"]
        let terminal = try CoordinatorCommandTests.onTerminal(arguments + ["--db", office.database])
        #expect(terminal.status == 0)
        #expect(terminal.output.contains("Thierry Valle\\u{1B}[2J"), "\(terminal.output)")
        #expect(!terminal.output.contains("\u{1B}"))
        #expect(try office.succeed(arguments).contains("Thierry Valle\u{1B}[2J"))
    }

    /// A sign-on form's cells may hold line breaks; the import's report keeps each row, warning
    /// and refusal on one line, so a cell cannot print a report line of its own.
    @Test func anImportReportKeepsEachLineToOne() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        let csv = office.folder.path("sign-on.csv")
        try Data(
            ("Organisation,Country,Consent\r\nForum 18,\"N\nO\",yes\r\n\"Forum\n18 bis\",NO,yes\r\n"
                + "Forum 18 ter,\"X\tY\",yes\r\n").utf8
        ).write(to: URL(fileURLWithPath: csv))
        let result = try office.run(["import", "signers", "--statement", ids.statement, csv, "--dry-run"])
        let report = result.stdout
        #expect(report.contains("'N\\u{A}O'") && report.contains("Forum\\u{A}18 bis"), "\(report)")
        #expect(report.contains("'X\\u{9}Y'"), "\(report)")
        #expect(!report.unicodeScalars.contains { $0 == "\t" })
        #expect(!report.split(separator: "\n").contains { $0.hasPrefix("O'") || $0.hasPrefix("18 bis") })
    }

    @Test func errorMessagesNeverCarryRawEscapes() throws {
        let office = try OfficeFixture()
        let hostile = "\u{1B}[31mRED"
        for arguments in [
            ["office", "trust", hostile], ["hub", "enroll", hostile + ".card"],
            ["export", "contacts", "--all", "--format", hostile],
            ["import", "signers", "--statement", "x", hostile + ".csv"],
        ] {
            let message = try office.refuse(arguments)
            #expect(!message.contains("\u{1B}") && message.contains("\\u{1B}"), "\(arguments): \(message)")
        }
    }

    /// A value refused for not being one of a list names the list on its one line, and a line
    /// break typed in the value is still shown, not obeyed.
    @Test func theAllowedValuesOfARefusedOptionReadOnOneLine() throws {
        let office = try OfficeFixture()
        let message = try office.refuse(["history", "CAP", "--kind", "bogus\nError: forged"])
        let line = try #require(message.split(separator: "\n").first, "\(message)")
        let kinds = "campaign, organisation, contact, statement, statementText, signature"
        #expect(line.hasSuffix("one of the following: \(kinds)"), "\(message)")
        #expect(line.contains("bogus\\u{A}Error: forged"), "\(message)")
        #expect(!message.contains("\nError: forged"), "\(message)")
    }
}
