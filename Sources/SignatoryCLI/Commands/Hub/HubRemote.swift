import ArgumentParser
import SignatoryExport
import SignatoryHubClient
import SignatoryStore

/// `signatory hub remote set|show|unset`: the hub this office syncs with when no `--hub` is given.
struct HubRemote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Remember the hub this office syncs with, so that `sync push|pull|now` need no --hub.",
        subcommands: [HubRemoteSet.self, HubRemoteShow.self, HubRemoteUnset.self],
        defaultSubcommand: HubRemoteShow.self
    )
}

struct HubRemoteSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Remember the hub's address.",
        discussion: "Example: signatory hub remote set https://hub.example.org, then: signatory sync now"
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The hub's address.", valueName: "url")) var url: String

    func run() throws {
        do { try HubClient.check(address: self.url) } catch let error as HubClientError {
            throw ValidationError(TerminalText.neutralised(error.description, multiline: false))
        }
        let store = try self.database.open()
        try store.rememberHub(self.url)
        Output.text("this office now syncs with \(self.url) when no --hub is given")
    }
}

struct HubRemoteShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the remembered hub's address."
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let address = try self.database.open().rememberedHub() else {
            return Output.text("no hub remembered; set one with `signatory hub remote set URL`")
        }
        Output.text(address)
    }
}

struct HubRemoteUnset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unset",
        abstract: "Forget the remembered hub; sync commands then need --hub."
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try self.database.open()
        guard try store.rememberedHub() != nil else { return Output.text("no hub was remembered") }
        try store.rememberHub(nil)
        Output.text("forgot the remembered hub")
    }
}
