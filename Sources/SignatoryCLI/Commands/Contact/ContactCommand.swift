import ArgumentParser

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Add, list, show, edit, remove and erase organisations' contact persons.",
        subcommands: [
            ContactAdd.self, ContactList.self, ContactShow.self, ContactEdit.self, ContactRemove.self,
            ContactErase.self,
        ]
    )
}
