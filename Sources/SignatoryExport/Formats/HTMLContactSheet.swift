/// A printable contact sheet as one self-contained HTML page: no scripts, no outside files,
/// and every value escaped.
struct HTMLContactSheet: ContactSheetWriter {
    let title: String
    let heading: SheetHeading
    private var grouping = PrintableGrouping()
    private var listOpen = false

    init(title: String, heading: SheetHeading) {
        self.title = title
        self.heading = heading
    }

    mutating func start(_ sink: inout ByteSink) {
        sink.append(HTMLPage.opening(title: "Contact sheet: " + self.title, language: "en"))
        sink.append("<p class=\"banner\">\(MarkupText.html(self.heading.text))</p>\n")
    }

    mutating func write(_ line: ContactSheetLine, to sink: inout ByteSink) {
        let steps = self.grouping.headings(before: line)
        if !steps.isEmpty { self.closeList(&sink) }
        for step in steps {
            switch step {
            case .organisation(let line):
                sink.append("<h2>\(MarkupText.html(line.organisationDisplayName))</h2>\n")
                let facts = PrintableGrouping.organisationFacts(line)
                if !facts.isEmpty { sink.append("<p class=\"facts\">\(MarkupText.html(facts))</p>\n") }
            case .statement(let line):
                sink.append("<p class=\"signature\">\(MarkupText.html(PrintableGrouping.signatureFact(line)))</p>\n")
            }
        }
        if !self.listOpen {
            sink.append("<ul>\n")
            self.listOpen = true
        }
        guard let name = line.fullName else {
            sink.append("<li class=\"none\">No contact to show</li>\n")
            return
        }
        var item = "<li><strong>\(MarkupText.html(name))</strong>"
        if line.atRisk { item += " <strong class=\"risk\">(\(ContactSheetLine.atRiskWarning))</strong>" }
        if let title = line.title { item += ", " + MarkupText.html(title) }
        if let email = line.email {
            item += " · <a href=\"mailto:\(MarkupText.html(email))\">\(MarkupText.html(email))</a>"
        }
        if let phone = line.phone {
            item += " · <a href=\"tel:\(MarkupText.html(phone))\">\(MarkupText.html(phone))</a>"
        }
        sink.append(item + "</li>\n")
    }

    mutating func finish(_ sink: inout ByteSink) {
        self.closeList(&sink)
        if self.grouping.isEmpty { sink.append("<p>No organisation to show.</p>\n") }
        sink.append("</body>\n</html>\n")
    }

    private mutating func closeList(_ sink: inout ByteSink) {
        guard self.listOpen else { return }
        sink.append("</ul>\n")
        self.listOpen = false
    }
}

/// What the HTML pages share.
enum HTMLPage {
    /// The page up to and including its `<h1>`, which repeats the title.
    static func opening(title: String, language: String) -> String {
        let title = MarkupText.html(title)
        return """
            <!DOCTYPE html>
            <html lang="\(MarkupText.html(language))">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>\(HTMLPage.style)</style>
            </head>
            <body>
            <h1>\(title)</h1>

            """
    }

    static let style = """
        body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}\
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin:1.6rem 0 .2rem}p{margin:.3rem 0}\
        .facts,.signature,.none{color:#555}ul{margin:.3rem 0 0;padding-left:1.2rem}\
        .banner{border:1px solid #999;padding:.4rem .6rem;font-size:.9rem}.risk{color:#a00}\
        h2,.facts,.signature{break-after:avoid;page-break-after:avoid}li{break-inside:avoid}\
        @media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}
        """
}
