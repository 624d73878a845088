import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct CampaignEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a campaign's fields.",
        discussion: "Takes the same options as `campaign add`. Example: signatory campaign edit 7a1e --status active"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The campaign: id or id prefix.") var campaign: String
    @OptionGroup var fields: CampaignFields

    func validate() throws {
        guard !self.fields.isEmpty else { throw ValidationError("Say what to change, e.g. --status active.") }
    }

    func run() throws {
        let store = try self.database.open()
        var campaign = try store.campaign(matching: self.campaign)
        try self.fields.apply(to: &campaign)
        try store.update(campaign)
        if self.output.json { try Output.json(campaign.json) } else { StandardStreams.line(campaign.id.description) }
    }
}
