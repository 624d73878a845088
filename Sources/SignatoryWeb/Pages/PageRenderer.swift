import Foundation
import Mustache

/// Renders a page's template inside the layout, with the interface's words as `t`.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let templates: [String: String] = [
            "layout": Templates.layout, "error": Templates.error, "start": Templates.start,
            "campaign": Templates.campaign, "statement": Templates.statement, "printable": Templates.printable,
            "cosigner": Templates.cosigner, "importForm": Templates.importForm,
            "importPreview": Templates.importPreview, "exports": Templates.exports, "sync": Templates.sync,
        ]
        for (name, text) in templates {
            // The templates are part of the program; one that does not parse is a programming error.
            try! library.register(text, named: name)
        }
        self.library = library
    }

    /// The whole HTML document of page `template` with `context`.
    func render(_ template: String, title: String, context: [String: Any], chrome: Chrome) -> String {
        var context = context
        context["t"] = chrome.text.table
        context["csrf"] = chrome.csrfToken
        let content = self.library.render(context, withTemplate: template) ?? ""
        var frame: [String: Any] = [
            "t": chrome.text.table, "lang": chrome.text.language.rawValue, "title": title, "content": content,
        ]
        frame["office"] = chrome.officeName
        frame["flash"] = chrome.flash
        frame["problem"] = chrome.problem
        frame["problemLines"] = chrome.problemLines
        return self.library.render(frame, withTemplate: "layout") ?? ""
    }
}

/// What every page shows around its content.
struct Chrome: Sendable {
    var text: WebText
    var officeName: String?
    var csrfToken: String
    /// What the last action did, e.g. "Added CAP Liberté de Conscience".
    var flash: String?
    /// Why the last action was refused, with details one per line.
    var problem: String?
    var problemLines: [String] = []
}

extension WebText {
    /// Every word of the interface, English filling any gap: what templates read as `t`.
    var table: [String: String] { WebText.english.merging(self.strings) { _, own in own } }
}
