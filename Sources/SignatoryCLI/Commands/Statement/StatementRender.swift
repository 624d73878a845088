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

    func run() throws {
        let store = try self.database.open()
        let block = try StatementRendition(statement: try store.statement(matching: self.statement), store: store)
        for note in block.notes { Output.warn(note.hasPrefix("since publication") ? note : "warning: " + note) }
        FileHandle.standardOutput.write(Data(TerminalText.neutralised(self.format.render(block)).utf8))
    }
}

extension StatementFormat: ExpressibleByArgument {}
