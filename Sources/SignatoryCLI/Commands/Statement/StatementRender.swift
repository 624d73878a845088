public import ArgumentParser
import Foundation
import SignatoryExport
import SignatoryStore

struct StatementRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the statement with its signatory block, as it will be published, or as it was.",
        discussion: """
            Only organisations that signed and consented to publication are listed; a contact line appears only
            for a contact who consented and is not at risk. Signatures on an older wording are reported on stderr.
            A published statement prints as it was published; what changed since goes to stderr.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The statement: id or id prefix.") var statement: String
    @Option(help: "Output format: text, markdown or html.") var format: StatementFormat = .text
    @Option(help: "The file to write (whole or not at all); standard output when left out, - or /dev/stdout.") var out:
        String?

    func run() throws {
        let store = try self.database.open()
        let block = try StatementRendition(statement: try store.statement(matching: self.statement), store: store)
        let rendered = self.format.render(block)
        // The notes follow the text, so a file that cannot be written leaves the error alone.
        guard let out = self.out, !Output.isStandardOutput(out) else {
            try StandardStreams.write(Array(TerminalText.neutralised(rendered).utf8))
            return Self.warn(block.notes)
        }
        // A file gets the text as rendered: right-to-left names keep their Unicode isolates.
        try OutputFile.write(to: out, protecting: store.database.path) { handle in
            try handle.write(contentsOf: Data(rendered.utf8))
        }
        Self.warn(block.notes)
        Output.warn("wrote \(out)")
    }

    private static func warn(_ notes: [String]) {
        for note in notes { Output.warn(note.hasPrefix("since publication") ? note : "warning: " + note) }
    }
}

extension StatementFormat: ExpressibleByArgument {}
