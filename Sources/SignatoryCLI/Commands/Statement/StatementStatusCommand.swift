import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct StatementStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Move a statement to another status: draft, open, closed or published.",
        discussion:
            "Allowed moves: draft → open, open → draft or closed, closed → open or published. Published is final."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The statement: id or id prefix.") var statement: String
    @Argument(help: "The new status.") var status: String

    func run() throws {
        let next = try StatementStatus(parsing: self.status)
        let store = try self.database.open()
        var statement = try store.statement(matching: self.statement)
        let previous = statement.status
        statement.status = try statement.status.transition(to: next)
        try store.update(statement)
        Output.text("\(statement.title): \(previous.rawValue) → \(next.rawValue)")
    }
}
