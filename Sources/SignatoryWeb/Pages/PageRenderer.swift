import Dispatch
import Foundation
import Mustache
import SignatoryStore

/// Renders a page's template inside the layout, with the interface's words as `t`.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var library = MustacheLibrary()
        let templates: [String: String] = [
            "layout": Templates.layout, "error": Templates.error, "start": Templates.start,
            "campaign": Templates.campaign, "statement": Templates.statement, "printable": Templates.printable,
            "cosignerRows": Templates.cosignerRows,
            "cosigner": Templates.cosigner, "importForm": Templates.importForm,
            "importPreview": Templates.importPreview, "exports": Templates.exports, "sync": Templates.sync,
        ]
        for (name, text) in templates {
            // The templates are part of the program; one that does not parse is a programming error.
            try! library.register("{{% CONTENT_TYPE: \(HTMLEscaping.name)}}" + text, named: name)
        }
        self.library = library
    }

    /// Page `template` with what `build` reads from the store, in one read transaction: a
    /// consistent page, and one lock rather than one per query.
    func page(
        _ template: String,
        in store: Store,
        chrome: Chrome,
        build: (Store, WebText) throws -> (title: String, context: [String: Any])
    ) throws -> String {
        let (title, values) = try store.transaction { try build(store, chrome.text) }
        return self.render(template, title: title, context: values, chrome: chrome)
    }

    /// `rows` rendered by `template` (which iterates `{{#rows}}`), in one chunk per core, joined:
    /// a page's own template puts the result in with `{{{…}}}`, every value already escaped.
    func rows<Row: Sendable>(_ rows: [Row], template: String) -> String {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 500))
        let size = (rows.count + chunks - 1) / max(chunks, 1)
        let parts = RenderedParts(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let slice = Array(rows[min(chunk * size, rows.count)..<min((chunk + 1) * size, rows.count)])
            parts.set(chunk, self.library.render(["rows": slice], withTemplate: template) ?? "")
        }
        return parts.joined()
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

/// The chunks ``PageRenderer/rows(_:template:)`` renders at once, each written by one thread.
private final class RenderedParts: @unchecked Sendable {
    private var parts: [String]
    private let lock = NSLock()

    init(count: Int) { self.parts = Array(repeating: "", count: count) }

    func set(_ index: Int, _ text: String) { self.lock.withLock { self.parts[index] = text } }

    func joined() -> String { self.lock.withLock { self.parts.joined() } }
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
