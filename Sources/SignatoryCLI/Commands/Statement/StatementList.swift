import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct StatementList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List statements by title.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this campaign's statements: id or id prefix.") var campaign: String?

    func run() throws {
        let store = try self.database.open()
        let statements = try store.statements(in: try self.campaign.map { try store.campaign(matching: $0).id })
        if self.output.json { return try Output.json(statements.map(\.json)) }
        Output.table(statements.map { [$0.id.shortID, $0.status.rawValue, $0.language.tag, $0.title] })
    }
}
