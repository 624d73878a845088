import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct ContactRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a contact person. Signatures they made stay, without a named contact."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The contact: id or id prefix.") var contact: String
    @OptionGroup var confirmation: ConfirmationOptions

    func run() throws {
        let store = try self.database.open()
        let contact = try store.contact(matching: self.contact)
        let lookalikes = LookalikeWarning(
            try store.lookalikes(exposedBy: contact, becoming: nil),
            like: contact.fullName
        )
        try self.confirmation.confirm(
            "remove the contact \(contact.fullName) at every office" + lookalikes.confirmationSuffix,
            typing: contact.fullName,
            in: store
        )
        try store.removeContact(contact.id)
        Output.text("removed \(contact.fullName)")
        lookalikes.warn()
    }
}
