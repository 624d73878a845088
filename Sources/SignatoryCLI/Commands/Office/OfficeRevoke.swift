import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct OfficeRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Stop taking changes from an office whose laptop or key may be in other hands.",
        discussion: """
            Its changes held here stay; a bundle it writes carrying a later one is refused, its later changes that \
            another office relays are set aside, and nothing is written for it any more. Trusting its card again, or a \
            card with its keys under another id, does not undo this: the office continues under new keys \
            (`office recover`), which are trusted anew. Ask the hub's operator to revoke it too \
            (`hub revoke`); run on the hub's database, this command ends its enrolment as well. Example: signatory office revoke Bucharest
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The office: its name, id or id prefix, as `office list` shows it.") var office: String
    @OptionGroup var confirmation: ConfirmationOptions

    func run() throws {
        let store = try self.database.open()
        let id = try store.trustedOffice(matching: self.office)
        let name = try store.trustedOffice(id)?.name ?? self.office
        if let revoked = try store.trustRevocation(of: id) {
            // On a hub, such an office is served no more whatever its enrolment says (`HubMember.isRevoked`).
            return Output.text(
                "\(name) was revoked here already: its changes after change \(revoked.after) are refused"
            )
        }
        let enrolled = try store.hubMember(id).map { !$0.isRevoked } ?? false
        if id != store.office.id {
            try self.confirmation.confirm(
                "stop taking changes that \(name) writes from now on, here, and stop encrypting bundles for it",
                typing: name,
                in: store
            )
        }
        let last = try store.revokeTrust(in: id)
        // The whole id: a name can imitate another office's, its id cannot.
        Output.text("\(name) (\(id)) is no longer trusted here: its changes after change \(last) are refused")
        if enrolled { Output.text("its enrolment on this hub ended too: the hub answers none of its requests") }
    }
}
