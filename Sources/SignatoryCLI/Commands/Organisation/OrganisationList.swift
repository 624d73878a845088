import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct OrganisationList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List organisations by name, or those matching every filter given.",
        discussion: """
            --search finds text in the name or acronym (ignoring case and accents), the website or the iCSO number.
            Example: signatory org list --search liberte --country FR --ecosoc special
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Text to find in the name, acronym, website or iCSO number.") var search: String?
    @Option(help: "ISO 3166-1 alpha-2 country code, e.g. FR.") var country: String?
    @Option(help: "ECOSOC consultative status: general, special, roster or none.") var ecosoc: String?
    @Option(help: "Whether the status is in force: active, suspended or withdrawn.") var standing: String?

    func validate() throws {
        if let search = self.search, search.comparisonKey.isEmpty {
            throw ValidationError("--search needs a letter or a digit to look for, e.g. --search liberte.")
        }
    }

    func run() throws {
        let query = OrganisationQuery(
            search: self.search,
            country: try self.country.map { try CountryCode($0) },
            ecosoc: try self.ecosoc.map { try ECOSOCCategory(parsing: $0) },
            standing: try self.standing.map { try ConsultativeStanding(parsing: $0) }
        )
        let organisations = try self.database.open().organisations().filter(query.matches)
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
