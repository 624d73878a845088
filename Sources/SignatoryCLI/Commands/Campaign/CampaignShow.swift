import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct CampaignShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one campaign and its statements."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The campaign: id or id prefix.") var campaign: String

    func run() throws {
        let store = try self.database.open()
        let campaign = try store.campaign(matching: self.campaign)
        let statements = try store.statements(in: campaign.id)
        if self.output.json {
            return try Output.json(JSONRecord.merging(campaign.json, ["statements": statements.map(\.json)]))
        }
        Output.fields([
            "id": campaign.id.description, "name": campaign.name,
            "description": campaign.description.isEmpty ? nil : campaign.description,
            "start date": campaign.startDate?.description, "end date": campaign.endDate?.description,
            "status": campaign.status.rawValue,
        ])
        for statement in statements {
            Output.text("statement    \(statement.id.shortID)  \(statement.status.rawValue)  \(statement.title)")
        }
    }
}
