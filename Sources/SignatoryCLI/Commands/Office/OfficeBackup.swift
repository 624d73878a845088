import ArgumentParser
import SignatoryStore

struct OfficeBackup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of this office's database (keys included) to a new file.",
        discussion: """
            The copy holds the office's private key and every contact: keep it as safe as the database.
            Restore it with `signatory office restore --from FILE`, never by copying it over the database. Restoring is
            safe only if, before writing anything, the office takes in what its peers hold (signatory sync import a
            peer's full bundle, or signatory sync pull); see `signatory office recover`.
            Example: signatory office backup --out geneva-2026-12-02.db
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The new file to write; it must not exist.") var out: String

    func run() throws {
        try self.database.open().backup(to: self.out)
        Output.text("wrote a backup to \(self.out)")
    }
}
