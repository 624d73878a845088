import ArgumentParser
import SignatoryStore

struct OfficeKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Copy this office's encryption key out of its database.",
        subcommands: [OfficeKeyExport.self]
    )
}

struct OfficeKeyExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write this office's encryption key to a new file, as an age identity file (mode 0600).",
        discussion: """
            Whoever holds the file can read every bundle encrypted for this office: keep it offline, never beside \
            the bundles. It opens a bundle without Signatory: age -d -i geneva.key for-geneva.age
            Example: signatory office key export --out geneva.key
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The new file to write; it must not exist.") var out: String

    func run() throws {
        try self.database.open().exportEncryptionKey(to: self.out)
        Output.text("wrote this office's encryption key to \(self.out) (readable by you alone; keep it offline)")
    }
}
