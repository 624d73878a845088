import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct StatementAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Draft a joint statement and print its id.",
        usage: """
            signatory statement add --campaign <campaign> --title <title> (--body <body> | --body-file <body-file>) \
            [--language <language>] [--lead <lead>] [--db <path>] [--json]
            """,
        discussion:
            "Example: signatory statement add --campaign 7a1e --title \"Leave no victim behind\" --body-file text.txt --lead DAFOH"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: StatementFields

    func validate() throws {
        guard self.fields.campaign != nil else {
            throw ValidationError("Say which campaign the statement belongs to, e.g. --campaign 7a1e.")
        }
        guard self.fields.title?.nonBlank != nil else {
            throw ValidationError("Give the statement a title, e.g. --title \"Leave no victim behind\".")
        }
        guard self.fields.body != nil || self.fields.bodyFile != nil else {
            throw ValidationError("Give the statement's text with --body TEXT or --body-file FILE.")
        }
    }

    func run() throws {
        let store = try self.database.open()
        let campaign = try store.campaign(matching: self.fields.campaign!)
        var statement = JointStatement(campaignID: campaign.id, title: "", body: "", language: try LanguageTag("en"))
        try self.fields.apply(to: &statement, store: store)
        try store.insert(statement)
        try Output.created(id: statement.id, json: self.output.json)
    }
}
