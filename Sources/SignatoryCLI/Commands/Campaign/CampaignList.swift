import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct CampaignList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List campaigns, newest first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let campaigns = try self.database.open().campaigns()
        if self.output.json { return try Output.json(campaigns.map(\.json)) }
        Output.table(
            campaigns.map { campaign in
                [
                    campaign.id.shortID, campaign.status.rawValue, campaign.startDate?.description ?? "----------",
                    campaign.endDate?.description ?? "----------", campaign.name,
                ]
            }
        )
    }
}
