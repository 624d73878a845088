import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct OrganisationList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List organisations by name.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let organisations = try self.database.open().organisations()
        if self.output.json { return try Output.json(organisations.map(\.json)) }
        Output.table(
            organisations.map { organisation in
                [
                    organisation.id.shortID, organisation.acronym ?? "-", organisation.country?.code ?? "--",
                    organisation.ecosoc.rawValue, organisation.name,
                ]
            }
        )
    }
}
