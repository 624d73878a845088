import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore
import StoreTestSupport
import TestSupport
import Testing

struct PrintableExportTests {
    /// Python's HTML parser: the tags it met and the text it read, entities decoded.
    static let pythonHTML = """
        import json, sys
        from html.parser import HTMLParser
        class Reader(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.tags, self.text = set(), []
            def handle_starttag(self, tag, attrs):
                self.tags.add(tag)
            def handle_data(self, data):
                self.text.append(data)
        reader = Reader()
        reader.feed(sys.stdin.buffer.read().decode('utf-8'))
        print(json.dumps({"tags": sorted(reader.tags), "text": "".join(reader.text)}))
        """

    static let allowedTags: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "ul", "li", "strong", "a", "br", "bdi", "ol",
    ]

    @Test func sheetPageKeepsEveryNameAsText() throws {
        let fixture = try ExportFixture()
        let (bytes, _) = try fixture.export(.html, for: .internal)
        let parsed = try #require(try PythonScript.json(Self.pythonHTML, input: bytes) as? [String: Any])
        let tags = Set(try #require(parsed["tags"] as? [String]))
        #expect(tags.isSubset(of: Self.allowedTags), "unexpected tags: \(tags.subtracting(Self.allowedTags))")
        let text = try #require(parsed["text"] as? String)
        for person in fixture.visible + [fixture.atRisk] {
            #expect(text.contains(person.fullName))
        }
        #expect(text.contains("<script>alert(1)</script>"))
        let page = String(decoding: bytes, as: UTF8.self)
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("<link"))
    }

    @Test func statementPageKeepsNamesAsText() throws {
        let fixture = try ExportFixture()
        let block = try StatementRendition(statement: fixture.statement, store: fixture.store)
        let bytes = Array(StatementFormat.html.render(block).utf8)
        let page = try #require(try PythonScript.json(Self.pythonHTML, input: bytes) as? [String: Any])
        #expect(Set(try #require(page["tags"] as? [String])).isSubset(of: Self.allowedTags))
        let text = try #require(page["text"] as? String)
        #expect(
            text.contains(
                "مركز القاهرة لدراسات حقوق الإنسان (CIHRS), NGO with special United Nations Consultative Status"
            )
        )
        #expect(text.contains("Contact: <script>alert(1)</script>, Représentante, \"ONU\""))
        #expect(text.contains("Co-signed by 3 organisations from 3 countries."))
    }

    /// Co-signers whose countries are not known are counted without a count of countries.
    @Test func aBlockWithoutCountriesCountsOrganisationsAlone() throws {
        let fixture = try ExportFixture()
        let statement = try fixture.store.addOpenStatement(campaign: "Another day").statement
        for name in ["Coalition Member One", "Coalition Member Two"] {
            let organisation = Organisation(name: name)
            try fixture.store.insert(organisation)
            try fixture.store.record(.signed, by: organisation.id, on: statement, source: .coordinator)
        }
        let block = try StatementRendition(statement: statement, store: fixture.store)
        #expect(block.headline == "Co-signed by 2 organisations.")
        #expect(StatementFormat.text.render(block).contains("Co-signed by 2 organisations.\n"))
    }

    @Test func theMarkdownSheetGroupsByOrganisationAndEscapesMarkup() throws {
        let fixture = try ExportFixture()
        let text = String(decoding: try fixture.export(.markdown, for: .coalition).bytes, as: UTF8.self)
        #expect(text.hasPrefix("# Contact sheet: No one left behind\n"))
        #expect(
            text.contains(
                "\n## CAP Liberté de Conscience (CAP)\n\nFR · ECOSOC special\n\n*signed: No one left behind*\n"
            )
        )
        #expect(text.contains("- **\\<script\\>alert(1)\\</script\\>**"))
        // A line break in a title cannot start a line of its own.
        #expect(text.contains("Director Geneva office"))
        #expect(!text.contains("Hidden Defender"))
    }
}
