import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct ContactAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a contact person to an organisation and print their id.",
        usage: """
            signatory contact add --org <org> --name <name> [--title <title>] [--email <email>] [--phone <phone>] \
            [--language <language>] [--at-risk | --no-at-risk] [--consent | --no-consent] [--db <path>] [--json]
            """,
        discussion: "Example: signatory contact add --org CAP --name \"Thierry Valle\" --title Director --consent"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: ContactFields

    func validate() throws {
        guard self.fields.organisation != nil else {
            throw ValidationError("Say whose contact this is, e.g. --org CAP.")
        }
        guard self.fields.name?.nonBlank != nil else {
            throw ValidationError("Give the person's name, e.g. --name \"Thierry Valle\".")
        }
    }

    func run() throws {
        let store = try self.database.open()
        let organisation = try store.organisation(matching: self.fields.organisation!)
        var contact = ContactPerson(organisationID: organisation.id, fullName: "")
        try self.fields.apply(to: &contact, store: store)
        try store.insert(contact)
        try Output.created(id: contact.id, json: self.output.json)
    }
}
