import ArgumentParser

struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Add, list, show and edit campaigns.",
        subcommands: [CampaignAdd.self, CampaignList.self, CampaignShow.self, CampaignEdit.self]
    )
}
