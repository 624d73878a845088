import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct ContactErase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a person for good, at every office: their name, title, email and phone.",
        discussion: """
            For a person who asks to be forgotten, or whose safety demands it. The erasure beats any \
            edit of the contact made anywhere, before or after, and cannot be undone. This office \
            removes the person's values from every change it holds at once; every other office \
            does so when it receives the erasure, so send it (sync export or sync push) soon. \
            Signatures their organisation made stay. A removed contact can be erased too.

            The reason is kept with the tombstone and travels to every office: do not put \
            anything about the person in it. A reason that repeats their name, email address or \
            phone number is refused.

            --again erases a person another office erased, as this office's own erasure. \
            Nothing more is removed here, nothing is asked, and no --reason is taken (the first \
            erasure's stays). A hub that revoked that office \
            refuses its feed, erasure included, and so this office's changes that the erasure \
            redacted: `sync push` names the contacts, and erasing them again lets those changes go.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The contact: id or id prefix.") var contact: String
    @Option(help: "Why, for the record (e.g. \"asked to be forgotten\"). Nothing about the person.")
    var reason: String?
    @Flag(help: "Erase a person another office erased, as this office's own erasure too.")
    var again = false
    @OptionGroup var confirmation: ConfirmationOptions

    func run() throws {
        let store = try self.database.open()
        let target = try self.target(in: store)
        guard target.erased || !self.again else {
            throw ValidationError(
                "no office erased contact \(target.id) yet, and --again is only for a person another office erased; "
                    + "to erase them, run `signatory contact erase \(target.id)` without --again"
            )
        }
        // Before anything is asked: a reason that names the person is refused either way.
        try store.checkErasureReason(self.reason, of: target.id)
        guard !target.erased else {
            let erasure = try store.eraseContact(target.id, reason: self.reason, again: true)
            Output.text(
                "erased contact \(target.id) again, as this office's own erasure: its \(erasure.redactedChanges) change(s) held here already held none of the person's values; send it (sync push or sync export)"
            )
            return
        }
        let name = target.name ?? target.id.description
        let person = try store.contact(target.id)
        let lookalikes = LookalikeWarning(
            try person.map { try store.lookalikes(exposedBy: $0, becoming: nil) } ?? [],
            like: name
        )
        try self.confirmation.confirm(
            "erase \(name) at every office, for good" + lookalikes.confirmationSuffix,
            typing: name,
            in: store
        )
        let erasure = try store.eraseContact(target.id, reason: self.reason, again: self.again)
        Output.text(
            "erased contact \(target.id): \(erasure.redactedChanges) change(s) held here no longer hold the person's values; other offices erase theirs when they receive this"
        )
        lookalikes.warn()
        ErasureWarning.warnIfValuesLinger(store)
    }

    /// The contact to erase; for one another office erased, what --again would do.
    private func target(in store: Store) throws -> (id: ID<ContactPerson>, name: String?, erased: Bool) {
        do {
            return try store.contactToErase(matching: self.contact, again: self.again)
        } catch let error as StoreError where error.code == .erased && !self.again {
            let erased: (id: ID<ContactPerson>, name: String?, erased: Bool)
            do {
                erased = try store.contactToErase(matching: self.contact, again: true)
            } catch let here as StoreError where here.code == .erased {
                throw error  // This office erased the person itself: --again is refused too.
            }
            throw ValidationError(
                "\(error); another office erased the person: to erase them as this office's own erasure too "
                    + "(for a hub that refuses that office's feed), run `signatory contact erase \(erased.id) --again`"
            )
        }
    }
}
