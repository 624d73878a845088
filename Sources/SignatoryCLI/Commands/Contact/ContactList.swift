import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct ContactList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List contact persons by name.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("org"), help: "Only this organisation's contacts: id, id prefix or acronym.")
    var organisation: String?

    func run() throws {
        let store = try self.database.open()
        let contacts = try store.contacts(of: try self.organisation.map { try store.organisation(matching: $0).id })
        let identities = try store.protectedIdentities()
        if self.output.json { return try Output.json(contacts.map { $0.json(with: identities) }) }
        let names = Dictionary(uniqueKeysWithValues: try store.organisations().map { ($0.id, $0.acronym ?? $0.name) })
        Output.table(
            contacts.map { contact in
                [
                    contact.id.shortID, names[contact.organisationID] ?? "?", contact.fullName, contact.title ?? "-",
                    contact.email?.address ?? "-", identities.label(of: contact) ?? "",
                ]
            }
        )
    }
}
