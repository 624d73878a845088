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
            (`hub revoke`); run on the hub's database, this command ends its enrolment as well. With --after N, \
            its changes up to position N are taken wherever they come from: revoking at one position everywhere, \
            every office and the hub take the same changes. Example: signatory office revoke Bucharest
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The office: its name, id or id prefix, as `office list` shows it.") var office: String
    @Option(
        help: ArgumentHelp(
            "Take its changes up to this position of its feed, held here yet or not, and refuse the later ones.",
            discussion: "Give the same number at every office and on the hub, so that each takes the same changes. "
                + "Without it: up to the last change held here."
        )
    ) var after: Int64?
    @OptionGroup var confirmation: ConfirmationOptions

    func validate() throws {
        if let after = self.after, after < 0 {
            throw ValidationError(
                "--after takes a position in the office's feed, 0 or more, as `signatory sync status` shows it: e.g. --after 12"
            )
        }
    }

    func run() throws {
        let store = try self.database.open()
        let id = try store.trustedOffice(matching: self.office)
        let name = try store.trustedOffice(id)?.name ?? self.office
        let revoked = try store.trustRevocation(of: id)
        if let revoked, self.after == nil || self.after == revoked.after {
            // On a hub, such an office is served no more whatever its enrolment says (`HubMember.isRevoked`).
            return Output.text(
                "\(name) was revoked here already: its changes after change \(revoked.after) are refused"
            )
        }
        let member = try store.hubMember(id)
        let enrolled = member.map { !$0.isRevoked } ?? false
        let held = try store.feedEnd(of: id).sequence
        let upTo = self.after ?? held
        if id != store.office.id {
            var action =
                revoked.map { "take the changes of \(name) up to its change \(upTo), not \($0.after)" }
                ?? "stop trusting \(name): take its changes up to its change \(upTo), refuse its later ones, and stop "
                + "encrypting bundles for it"
            if upTo > held { action += " (\(held) held here: the others are taken from whoever sends them)" }
            if enrolled { action += ", and end its enrolment on this hub" }
            try self.confirmation.confirm(action, typing: name, in: store)
        }
        let last = try store.revokeTrust(in: id, after: self.after)
        // The whole id: a name can imitate another office's, its id cannot.
        Output.text("\(name) (\(id)) is no longer trusted here: its changes after change \(last) are refused")
        if last > held {
            Output.text(
                "note: its changes after change \(held) up to change \(last) are not held here yet: they are taken when "
                    + "they arrive, whoever sends them, whoever holds its key included; give a position that an office you "
                    + "trust holds"
            )
        }
        if enrolled { Output.text("its enrolment on this hub ended too: the hub answers none of its requests") }
        // `hub revoke` refused its feed whole; a position takes its changes up to it.
        if revoked == nil, member?.isRevoked == true {
            Output.text(
                "its enrolment here had ended already (hub revoke), which refused its feed whole: from now on its "
                    + "changes up to change \(last) are taken, whoever relays them"
            )
        }
    }
}
