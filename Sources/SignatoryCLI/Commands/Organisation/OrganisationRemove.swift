import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct OrganisationRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an organisation.",
        discussion:
            "An organisation with contacts or signatures is removed only with --force, which removes those too. The lead organisation of a statement is never removed."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The organisation: id, id prefix or acronym.") var organisation: String
    @Flag(help: "Also remove its contacts and signatures (asks to type its name, unless --yes).") var force = false
    @OptionGroup var confirmation: ConfirmationOptions

    func run() throws {
        let store = try self.database.open()
        let organisation = try store.organisation(matching: self.organisation)
        // Without --force the removal is refused when it has contacts, so it exposes nobody.
        let contacts = self.force ? try store.contacts(of: organisation.id) : []
        let lookalikes = LookalikeWarning(
            try store.lookalikes(exposedByReplacing: contacts, with: []),
            like: contacts.filter(\.atRisk).map(\.fullName).joined(separator: " or ")
        )
        if self.force {
            try self.confirmation.confirm(
                "remove \(organisation.displayName) with all its contacts and signatures, at every office"
                    + lookalikes.confirmationSuffix,
                typing: organisation.name,
                in: store
            )
        }
        try store.removeOrganisation(organisation.id, cascade: self.force)
        Output.text("removed \(organisation.displayName)")
        lookalikes.warn()
    }
}
