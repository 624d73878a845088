import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct StatementEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a statement's text, title, language, lead organisation or campaign.",
        discussion: """
            The wording can change only while the statement is a draft or open; each new wording is kept,
            and signatures keep pointing at the wording they signed. Example: signatory statement edit 5c0d --body-file v2.txt
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The statement: id or id prefix.") var statement: String
    @OptionGroup var fields: StatementFields

    func validate() throws {
        guard !self.fields.isEmpty else {
            throw ValidationError("Say what to change, e.g. --title, --body-file or --lead.")
        }
    }

    func run() throws {
        let store = try self.database.open()
        var statement = try store.statement(matching: self.statement)
        try self.fields.apply(to: &statement, store: store)
        try store.update(statement)
        if self.output.json { try Output.json(statement.json) } else { StandardStreams.line(statement.id.description) }
    }
}
