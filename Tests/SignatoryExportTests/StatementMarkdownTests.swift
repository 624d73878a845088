import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore
import TestSupport
import Testing

/// A statement's text rendered as Markdown reads, in a CommonMark reader we did not write
/// (markdown-it-py), as the HTML rendering shows it: the same paragraphs, line breaks and
/// lists, and no heading, rule, quote, code or link the coordinator did not mean.
struct StatementMarkdownTests {
    /// markdown-it's HTML of the Markdown and our HTML, each as the tags and text that follow
    /// the title's heading, entities decoded and spaces collapsed.
    static let compare = """
        import json, re, sys
        from html.parser import HTMLParser
        from markdown_it import MarkdownIt
        class Reader(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.events = []
            def handle_starttag(self, tag, attrs):
                self.events.append("<" + tag + "".join(f' {k}="{v}"' for k, v in attrs) + ">")
            def handle_endtag(self, tag):
                # markdown-it writes <br />, which the parser also reports as an end tag.
                if tag != "br": self.events.append("</" + tag + ">")
            def handle_data(self, data):
                text = re.sub(r"\\s+", " ", data).strip()
                if text: self.events.append(text)
        def body(html):
            reader = Reader()
            reader.feed(html)
            events = reader.events[reader.events.index("</h1>") + 1:]
            return [e for e in events if e not in ("</body>", "</html>")]
        given = json.loads(sys.stdin.read())
        print(json.dumps({
            "markdown": body(MarkdownIt("commonmark").render(given["markdown"])),
            "html": body(given["html"]),
        }))
        """

    /// Lines a coordinator may type that Markdown would otherwise read as markup.
    static let body = """
        We, the undersigned organisations
        ===
        ask the Human Rights Council
        ---
        to act.

        - - -
        1986. The year the Convention was signed.
        2) The second point, alone.
        + not a list
        * * *
        #hashtag and # not a heading
            four spaces are not code
        > not a quote
        [not a link](https://example.org) <b>not bold</b> &amp; `not code`
        <!-- not a comment -->
        ~~~
        ```

        We ask states to:
        1. end trafficking for organs;
        2. protect defenders.
        - one item
        - # another item, not a heading
        Signed in Geneva.
        \t
        A last paragraph after a line of spaces.

        We recall:
        5. Article five applies.
        7. Article seven applies.
        12) Article twelve
        13) Article thirteen
        100. Article one hundred
        101. Article one hundred and one

        1. A list of its own
        2. after another
        - and bullets
        - after it

        • then more bullets
        • in the next paragraph
        """

    @Test func markdownReadsAsTheHTMLShowsIt() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.path("office.db"), office: Office(name: "Geneva", createdAt: Date()))
        let campaign = Campaign(name: "World Day against Trafficking in Persons", status: .active)
        try store.insert(campaign)
        let statement = JointStatement(
            campaignID: campaign.id,
            title: "No one left behind",
            body: Self.body,
            language: try LanguageTag("en")
        )
        try store.insert(statement)
        let rendition = try StatementRendition(statement: statement, store: store)
        let input = try JSONSerialization.data(withJSONObject: [
            "markdown": MarkdownStatementRenderer().render(rendition),
            "html": HTMLStatementRenderer().render(rendition),
        ])
        let read = try #require(try PythonScript.json(Self.compare, input: Array(input)) as? [String: [String]])
        let markdown = try #require(read["markdown"])
        #expect(markdown == read["html"])
        // The reader met every line as typed, and no markup of its own.
        #expect(
            markdown.filter {
                $0.range(of: "^</?[a-z0-9]+>$", options: .regularExpression) != nil
                    && !["<p>", "</p>", "<br>", "<ol>", "</ol>", "<ul>", "</ul>", "<li>", "</li>"].contains($0)
            } == []
        )
        #expect(markdown.contains("We, the undersigned organisations"))
        #expect(markdown.contains("==="))
        #expect(markdown.contains("four spaces are not code"))
        #expect(markdown.contains("[not a link](https://example.org) <b>not bold</b> &amp; `not code`"))
        #expect(markdown.filter { $0 == "<li>" }.count == 14)
        // Each list stays a list of its own, as in the HTML.
        #expect(markdown.filter { $0.hasPrefix("<ol") || $0 == "<ul>" }.count == 7)
        // Numbers that count up stay the author's; numbers that skip stay text, as typed.
        #expect(markdown.contains("<ol start=\"12\">") && markdown.contains("<ol start=\"100\">"))
        #expect(markdown.contains("5. Article five applies.") && markdown.contains("7. Article seven applies."))
    }
}
