import Foundation
import SignatoryDomain
import SignatoryExport
import TestSupport
import Testing

struct ContactSheetCSVTests {
    /// Python's csv module, reading bytes as a spreadsheet import would.
    static let pythonCSV = """
        import csv, io, json, sys
        rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=''), strict=True))
        print(json.dumps(rows))
        """

    /// What a cell must hold: the text as typed, with a `'` in front when a spreadsheet would run it.
    static func neutralised(_ text: String?) -> String {
        guard let text else { return "" }
        guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    @Test func everyCellRoundTripsThroughAnIndependentCSVReader() throws {
        let fixture = try ExportFixture()
        let (bytes, _) = try fixture.export(.csv, for: .internal)
        let rows = try #require(try PythonScript.json(Self.pythonCSV, input: bytes) as? [[String]])
        #expect(
            rows.first == [
                "Organisation", "Acronym", "Country", "ECOSOC category", "Contact name", "Title", "Email", "Phone",
                "Signature status", "Statement", "Campaign", "At risk",
            ]
        )
        let people = fixture.visible + [fixture.atRisk]
        #expect(rows.count == 1 + people.count)
        for person in people {
            let row = try #require(
                rows.first { $0[4] == Self.neutralised(person.fullName) },
                "no row for \(person.fullName)"
            )
            let organisation = try #require(fixture.organisations[person.organisationID])
            #expect(row[0] == Self.neutralised(organisation.name))
            #expect(row[6] == person.email?.address ?? "")
            #expect(row[5] == Self.neutralised(person.title))
            #expect(row[7] == Self.neutralised(person.phone?.e164))
            #expect(row[8] == "signed")
            #expect(row[10] == "World Day, 2026")
            #expect(row[11] == (person.atRisk ? "yes" : ""))
        }
    }

    @Test func noCellStartsAsAFormulaAndRecordsEndInCRLF() throws {
        let fixture = try ExportFixture()
        for format in [ContactSheetFormat.csv, .googleCSV, .outlookCSV] {
            let (bytes, _) = try fixture.export(format, for: .internal)
            let rows = try #require(try PythonScript.json(Self.pythonCSV, input: bytes) as? [[String]])
            // Only an address book's phone number keeps its leading `+`: digits alone, no formula.
            let phones = format == .csv ? [] : Set(rows.dropFirst().map { $0[format == .googleCSV ? 8 : 5] })
            for cell in rows.joined() where !(phones.contains(cell) && cell.dropFirst().allSatisfy(\.isNumber)) {
                #expect(
                    !(cell.first.map { "=+-@\t\r\n".contains($0) } ?? false),
                    "\(format): cell '\(cell)' would run as a formula"
                )
            }
            #expect(bytes.suffix(2) == [0x0D, 0x0A])
            // Outside quoted cells, every line break is CRLF: the only bare LF is the one in a quoted title.
            let text = String(decoding: bytes, as: UTF8.self)
            let bareLineFeeds = text.utf8.indices.filter { index in
                text.utf8[index] == 0x0A
                    && (index == text.utf8.startIndex || text.utf8[text.utf8.index(before: index)] != 0x0D)
            }
            #expect(bareLineFeeds.count == 1, "\(format)")
        }
    }

    @Test func addressBookFormatsCarryTheirImportHeadersAndOnePersonPerRow() throws {
        let fixture = try ExportFixture()
        let (google, _) = try fixture.export(.googleCSV, for: .coalition)
        let googleRows = try #require(try PythonScript.json(Self.pythonCSV, input: google) as? [[String]])
        #expect(
            googleRows[0].prefix(5) == [
                "Name", "Given Name", "Family Name", "Organization 1 - Name", "Organization 1 - Title",
            ]
        )
        #expect(googleRows[0].contains("E-mail 1 - Value") && googleRows[0].contains("Phone 1 - Value"))
        let valle = try #require(googleRows.first { $0[0] == "Valle, Thierry \"TV\"" })
        #expect(valle[1] == "Valle, Thierry" && valle[2] == "\"TV\"")
        #expect(valle[3] == "CAP Liberté de Conscience (CAP)")
        #expect(valle[6] == "person0@example.org")
        // Google Contacts keeps an apostrophe as part of the number: none in an address book.
        #expect(valle[8] == "+41225550100")

        let (outlook, _) = try fixture.export(.outlookCSV, for: .coalition)
        let outlookRows = try #require(try PythonScript.json(Self.pythonCSV, input: outlook) as? [[String]])
        #expect(
            outlookRows[0] == [
                "First Name", "Last Name", "Company", "Job Title", "E-mail Address", "Business Phone",
                "Business Country/Region", "Categories", "Notes",
            ]
        )
        #expect(outlookRows.dropFirst().contains { $0[5] == "+41225550100" })
        // Outlook wants the country's name.
        #expect(outlookRows.dropFirst().contains { $0[6] == "France" })
        #expect(!outlookRows.dropFirst().contains { $0[6] == "FR" })
        // The spreadsheet CSV keeps OWASP's apostrophe on the same number.
        let (sheet, _) = try fixture.export(.csv, for: .coalition)
        #expect(String(decoding: sheet, as: UTF8.self).contains(",'+41225550100,"))
        // Everyone but the contact at risk, each once.
        #expect(outlookRows.count - 1 == fixture.visible.count)
        #expect(googleRows.count - 1 == fixture.visible.count)
    }
}
