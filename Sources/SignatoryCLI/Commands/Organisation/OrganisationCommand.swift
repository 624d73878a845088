import ArgumentParser

struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Add, list, show, edit and remove organisations.",
        subcommands: [
            OrganisationAdd.self, OrganisationList.self, OrganisationShow.self, OrganisationEdit.self,
            OrganisationRemove.self,
            OrganisationMerge.self, OrganisationDuplicates.self,
        ]
    )
}
