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
            every office and the hub take the same changes. Beyond what is held here, --hash names change N by the \
            hash that `signatory sync status` prints for it at an office whose copy of the feed ends there. \
            Examples: signatory office revoke Bucharest; signatory office revoke Bucharest --after 12 --hash HASH
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
    @Option(
        help: ArgumentHelp(
            "The hash of the change at --after, as `signatory sync status` prints it at an office that holds it.",
            discussion: "Needed when that change is not held here: the changes up to it are then taken only from a "
                + "feed that reaches it, so that whoever holds the office's key cannot put others in their place."
        )
    ) var hash: String?
    @OptionGroup var confirmation: ConfirmationOptions

    func validate() throws {
        if let after = self.after, after < 0 {
            throw ValidationError(
                "--after takes a position in the office's feed, 0 or more, as `signatory sync status` shows it: e.g. --after 12"
            )
        }
        if let hash = self.hash {
            guard let after = self.after, after > 0 else {
                throw ValidationError(
                    "--hash names the change at --after, a position of 1 or more: give both, e.g. --after 12 --hash HASH, with the hash that "
                        + "`signatory sync status` prints for change 12 at an office that holds it"
                )
            }
            guard Hex.isDigest(hash) else {
                throw ValidationError(
                    "--hash takes the 64 lower-case hexadecimal digits that `signatory sync status` prints after "
                        + "\"change \(after) has hash\" at an office that holds it"
                )
            }
        }
    }

    func run() throws {
        let store = try self.database.open()
        let id = try store.trustedOffice(matching: self.office)
        let name = try store.trustedOffice(id)?.name ?? self.office
        let plan = try store.planRevocation(of: id, after: self.after, hash: self.hash)
        if plan.changesNothing {
            // On a hub, such an office is served no more whatever its enrolment says (`HubMember.isRevoked`).
            return Output.text("\(name) was revoked here already: its changes after change \(plan.after) are refused")
        }
        let unheld =
            plan.after > plan.held
            ? " (\(plan.held) held here: the others are taken only from a feed that reaches the change whose hash was given)"
            : ""
        var action =
            plan.previous.map {
                "take the changes of \(name) up to its change \(plan.after)\(Self.named(plan.hash)), instead of up to its "
                    + "change \($0.after)\(Self.named($0.hash))"
            }
            ?? "stop trusting \(name): take its changes up to its change \(plan.after), refuse its later ones, and stop "
            + "encrypting bundles for it"
        action += unheld
        if plan.endsEnrolment { action += ", and end its enrolment on this hub" }
        try self.confirmation.confirm(action, typing: name, in: store)
        let done = try store.revokeTrust(in: id, after: self.after, hash: self.hash)
        // The whole id: a name can imitate another office's, its id cannot.
        Output.text("\(name) (\(id)) is no longer trusted here: its changes after change \(done.after) are refused")
        if let previous = done.previous {
            Output.text("this replaces its revocation after change \(previous.after)\(Self.named(previous.hash))")
        }
        if done.after > done.held {
            Output.text(
                "note: its changes after change \(done.held) up to change \(done.after) are not held here yet: they are "
                    + (done.hash == nil
                        ? "taken from whoever sends them, as this revocation predates naming a change by its hash: give "
                            + "--after \(done.after) --hash again with the hash of that change"
                        : "taken from a bundle that carries them up to change \(done.after) with the hash given")
            )
        }
        if done.endsEnrolment {
            Output.text("its enrolment on this hub ended too: the hub answers none of its requests")
        }
        // `hub revoke` refused its feed whole; a position takes its changes up to it.
        if done.previous == nil, try store.hubMember(id)?.isRevoked == true, !done.endsEnrolment {
            Output.text(
                "its enrolment here had ended already (hub revoke), which refused its feed whole: from now on its "
                    + "changes up to change \(done.after) are taken, whoever relays them"
            )
        }
    }

    /// " (hash 0123456789ab…)" for a revocation that names its change by a hash.
    private static func named(_ hash: String?) -> String {
        hash.map { " (hash \($0.prefix(12))…)" } ?? ""
    }
}
