import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct ContactShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one contact person.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The contact: id or id prefix.") var contact: String

    func run() throws {
        let store = try self.database.open()
        let contact = try store.contact(matching: self.contact)
        let identities = try store.protectedIdentities()
        if self.output.json { return try Output.json(contact.json(with: identities)) }
        let organisation = try store.organisation(contact.organisationID)
        let risk = identities.label(of: contact)
        Output.fields([
            "id": contact.id.description, "organisation": organisation?.displayName, "name": contact.fullName,
            "title": contact.title, "email": contact.email?.address, "phone": contact.phone?.e164,
            "language": contact.preferredLanguage?.tag,
            "at risk": contact.atRisk ? "yes" : risk.map { "no, but \($0): left out of shared sheets" } ?? "no",
            "consent": contact.consentToPublish ? "yes" : "no",
        ])
    }
}
