import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct OrganisationAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an organisation and print its id.",
        // The fields are shared with `org edit`, where none is required: say which one is here.
        usage: """
            signatory org add --name <name> [--acronym <acronym>] [--country <country>] [--website <website>] \
            [--ecosoc <ecosoc>] [--ecosoc-year <ecosoc-year>] [--standing <standing>] [--icso-number <icso-number>] \
            [--notes <notes>] [--db <path>] [--json]
            """,
        discussion:
            "Example: signatory org add --name \"CAP Liberté de Conscience\" --acronym CAP --country FR --ecosoc special"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: OrganisationFields

    func validate() throws {
        guard self.fields.name?.nonBlank != nil else {
            throw ValidationError("Give the organisation a name, e.g. --name \"CAP Liberté de Conscience\".")
        }
    }

    func run() throws {
        var organisation = Organisation(name: "")
        try self.fields.apply(to: &organisation)
        let store = try self.database.open()
        try store.insert(organisation)
        try Output.created(id: organisation.id, json: self.output.json)
        try DuplicateWarning.warn(about: organisation.id, in: store)
    }
}
