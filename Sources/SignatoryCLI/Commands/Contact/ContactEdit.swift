import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct ContactEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a contact's fields.",
        discussion:
            "Takes the same options as `contact add`; an empty value clears a field. Example: signatory contact edit 3f2c --at-risk"
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The contact: id or id prefix.") var contact: String
    @OptionGroup var fields: ContactFields
    @OptionGroup var confirmation: ConfirmationOptions

    func validate() throws {
        guard !self.fields.isEmpty else {
            throw ValidationError("Say what to change, e.g. --title Director or --at-risk.")
        }
    }

    func run() throws {
        let store = try self.database.open()
        let stored = try store.contact(matching: self.contact)
        var contact = stored
        try self.fields.apply(to: &contact, store: store)
        let lookalikes = LookalikeWarning(
            try store.lookalikes(exposedBy: stored, becoming: contact),
            like: stored.fullName
        )
        // One flag typed for another must not name a person at risk at every office.
        if stored.atRisk && !contact.atRisk {
            try self.confirmation.confirm(
                "take the at-risk mark off \(stored.fullName) at every office, so that shared sheets, the "
                    + "signatory block and the hub's reads may name them" + lookalikes.confirmationSuffix,
                typing: stored.fullName,
                in: store
            )
        }
        try store.update(contact)
        lookalikes.warn()
        if self.output.json { try Output.json(contact.json) } else { StandardStreams.line(contact.id.description) }
    }
}
