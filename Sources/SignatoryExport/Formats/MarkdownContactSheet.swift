/// A printable contact sheet in Markdown: a heading per organisation, a bullet per contact.
struct MarkdownContactSheet: ContactSheetWriter {
    let title: String
    let heading: SheetHeading
    private var grouping = PrintableGrouping()

    init(title: String, heading: SheetHeading) {
        self.title = title
        self.heading = heading
    }

    mutating func start(_ sink: inout ByteSink) {
        sink.append("# Contact sheet: \(MarkupText.markdown(self.title))\n\n")
        sink.append("*\(MarkupText.markdown(self.heading.text))*\n")
    }

    mutating func write(_ line: ContactSheetLine, to sink: inout ByteSink) {
        for step in self.grouping.headings(before: line) {
            switch step {
            case .organisation(let line):
                sink.append("\n## \(MarkupText.markdown(line.organisationDisplayName))\n\n")
                let facts = PrintableGrouping.organisationFacts(line)
                if !facts.isEmpty { sink.append(MarkupText.markdown(facts) + "\n\n") }
            case .statement(let line):
                sink.append("*\(MarkupText.markdown(PrintableGrouping.signatureFact(line)))*\n\n")
            }
        }
        guard let name = line.fullName else {
            sink.append("- No contact to show\n")
            return
        }
        var text = "- **\(MarkupText.markdown(name))**"
        if line.atRisk { text += " **(\(ContactSheetLine.atRiskWarning))**" }
        if let title = line.title { text += ", " + MarkupText.markdown(title) }
        if let email = line.email { text += " · " + MarkupText.markdown(email) }
        if let phone = line.phone { text += " · " + MarkupText.markdown(phone) }
        sink.append(text + "\n")
    }

    mutating func finish(_ sink: inout ByteSink) {
        if self.grouping.isEmpty { sink.append("\nNo organisation to show.\n") }
    }
}
