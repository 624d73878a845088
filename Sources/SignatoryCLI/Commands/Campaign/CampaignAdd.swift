import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct CampaignAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a campaign and print its id.",
        usage: """
            signatory campaign add --name <name> [--description <description>] [--start-date <start-date>] \
            [--end-date <end-date>] [--status <status>] [--db <path>] [--json]
            """,
        discussion:
            "Example: signatory campaign add --name \"World Day against Trafficking in Persons\" --start-date 2026-07-01 --end-date 2026-07-30"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: CampaignFields

    func validate() throws {
        guard self.fields.name?.nonBlank != nil else {
            throw ValidationError("Give the campaign a name, e.g. --name \"World Day 2026\".")
        }
    }

    func run() throws {
        var campaign = Campaign(name: "")
        try self.fields.apply(to: &campaign)
        try campaign.validate()
        let store = try self.database.open()
        try store.insert(campaign)
        try Output.created(id: campaign.id, json: self.output.json)
    }
}
