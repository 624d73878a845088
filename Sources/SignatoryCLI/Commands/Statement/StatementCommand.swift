import ArgumentParser

struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Draft joint statements, move them through their statuses, and render them for publication.",
        subcommands: [
            StatementAdd.self, StatementList.self, StatementShow.self, StatementEdit.self, StatementStatusCommand.self,
            StatementRender.self,
        ]
    )
}
