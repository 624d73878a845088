import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database for this office.",
        discussion: "Example: signatory init --office \"Geneva coordination\" --db geneva.db"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "This office's name, as other offices will see it.")
    var office: String

    func validate() throws {
        guard self.office.nonBlank != nil else {
            throw ValidationError("Give this office a name, e.g. --office \"Geneva coordination\".")
        }
    }

    func run() throws {
        let store = try Store.create(
            at: try self.database.resolvedPath,
            office: Office(name: self.office.nonBlank!, createdAt: Date())
        )
        if self.output.json {
            try Output.json(
                JSONRecord([
                    "id": store.office.id.description, "name": store.office.name,
                    "database": try self.database.resolvedPath,
                ])
            )
        } else {
            StandardStreams.line(store.office.id.description)
        }
    }
}
