import ArgumentParser

@main
struct Signatory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signatory",
        abstract: "Keep a coalition's campaigns, joint statements, co-signing organisations and their contacts.",
        discussion: """
            The database is the file given by --db, else $SIGNATORY_DB, else ./signatory.db.
            Wherever an id is asked for, an unambiguous prefix of it (at least 4 characters) also works,
            and so does an organisation's acronym.
            """,
        subcommands: [
            InitCommand.self, OrganisationCommand.self, ContactCommand.self, CampaignCommand.self,
            StatementCommand.self, SignCommand.self, SignaturesCommand.self, OfficeCommand.self, SyncCommand.self,
            ConflictCommand.self, ExportCommand.self, ImportCommand.self, ServeCommand.self, HubCommand.self,
        ]
    )
}
