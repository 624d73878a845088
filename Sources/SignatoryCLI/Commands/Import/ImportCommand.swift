import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in records from other tools.",
        subcommands: [ImportSigners.self]
    )
}
