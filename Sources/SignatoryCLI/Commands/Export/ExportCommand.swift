import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write contact sheets for staff, partners or the public.",
        subcommands: [ExportContacts.self]
    )
}
