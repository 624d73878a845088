import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct OrganisationEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an organisation's fields.",
        discussion:
            "Takes the same options as `org add`; an empty value clears a field. Example: signatory org edit CAP --website capliberte.org"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The organisation: id, id prefix or acronym.") var organisation: String
    @OptionGroup var fields: OrganisationFields

    func validate() throws {
        guard !self.fields.isEmpty else {
            throw ValidationError("Say what to change, e.g. --website https://example.org or --ecosoc special.")
        }
    }

    func run() throws {
        let store = try self.database.open()
        var organisation = try store.organisation(matching: self.organisation)
        try self.fields.apply(to: &organisation)
        try store.update(organisation)
        if self.output.json {
            try Output.json(organisation.json)
        } else {
            StandardStreams.line(organisation.id.description)
        }
        try DuplicateWarning.warn(about: organisation.id, in: store)
    }
}
