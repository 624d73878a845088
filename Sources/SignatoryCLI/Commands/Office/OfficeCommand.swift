import ArgumentParser
import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office",
        abstract: "Show this office's public card and choose which offices' feeds to accept.",
        subcommands: [
            OfficeCard.self, OfficeTrust.self, OfficeRevoke.self, OfficeList.self, OfficeKey.self, OfficeBackup.self,
            OfficeRestore.self, OfficeRecover.self,
        ]
    )
}

struct OfficeCard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Print this office's public identity as JSON, for other offices to trust.",
        discussion: """
            The card goes to standard output and its fingerprint to standard error: read the fingerprint to the other \
            office (by phone, in person), who compares it with what `office trust` prints.
            Example: signatory office card > geneva.card.json, then at the other office: signatory office trust geneva.card.json
            """
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let card = try self.database.open().officeCard()
        try Output.json(card)
        Output.warn("fingerprint of \(card.name): \(card.fingerprint)")
    }
}

struct OfficeTrust: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Accept changes signed by the office whose card is in FILE.",
        discussion:
            "Check the card with its office through a channel you trust (in person, by phone) before trusting it."
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A card printed by `signatory office card`.") var file: String
    @Flag(
        name: [.customShort("y"), .long],
        help: "Trust a card that continues a revoked office, once its fingerprint is checked with that office."
    )
    var yes = false

    func run() throws {
        let card = try OfficeCardFile.read(self.file)
        let store = try self.database.open()
        try store.transaction { try store.trust(card, successionOfRevoked: self.yes) }
        if let revoked = try store.trustRevocation(of: card.id) {
            let name = try store.trustedOffice(card.id)?.name ?? card.name
            return Output.text(
                "\(name) (\(card.id)) stays revoked here: its changes after change \(revoked.after) are refused"
            )
        }
        let predecessor = try card.succeeds.flatMap { try store.trustedOffice($0.office) }
        let revoked = try predecessor.map { try store.trustRevocation(of: $0.id) != nil } ?? false
        Output.text(
            "trusted \(card.name) (\(card.id))"
                + (predecessor.map {
                    ", which continues \($0.name) (\($0.id))\(revoked ? ", revoked here" : ""), as its key signed"
                } ?? "")
        )
        Output.text("fingerprint: \(card.fingerprint) (it must match what that office reads you from `office card`)")
        // One name for two offices makes notes and lists ambiguous, and a name that carries another
        // office's id passes for it: their ids tell them apart.
        let others = [store.office.id: store.office.name].merging(try store.trustedOffices().map { ($0.id, $0.name) }) {
            $1
        }
        let own = card.name.lowercased()
        for (id, name) in others.sorted(by: { $0.key < $1.key }) where id != card.id && id != card.succeeds?.office {
            let whose = id == store.office.id ? "this office" : "office \(id)"
            if name.lowercased() == own {
                Output.warn("note: \(whose) is named \(name) too: tell them apart by their ids")
            } else if own.contains(String(id.description.prefix(8))) {
                Output.warn("note: this name holds the start of the id of \(whose), \(name): it is another office")
            }
        }
        if card.recipient == nil {
            Output.warn(
                "this card has no encryption key: bundles for \(card.name) can only be written unencrypted until you trust its current card"
            )
        }
    }
}

struct OfficeList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the offices whose feeds this office accepts."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try self.database.open()
        let offices = try store.trustedOffices()
        if self.output.json {
            return try Output.json(
                try offices.map { ListedOffice(card: $0, revocation: try store.trustRevocation(of: $0.id)) }
            )
        }
        Output.table(
            try offices.map { office in
                let revoked = try store.trustRevocation(of: office.id).map { revocation in
                    "revoked after change \(revocation.after)"
                        + (revocation.hash.map { ", taken only up to the change of hash \($0.prefix(12))…" } ?? "")
                }
                return [office.id.shortID, office.name, office.fingerprint] + (revoked.map { [$0] } ?? [])
            }
        )
    }
}

/// A trusted office as `office list --json` prints it: its card, and once revoked `revokedAfter`
/// and `revokedAfterHash`, the hash of that change when the revocation names it.
private struct ListedOffice: Encodable {
    let card: SignatoryDomain.OfficeCard
    let revocation: TrustRevocation?

    private enum Keys: String, CodingKey { case revokedAfter, revokedAfterHash }

    func encode(to encoder: any Encoder) throws {
        try self.card.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(self.revocation?.after, forKey: .revokedAfter)
        try container.encodeIfPresent(self.revocation?.hash, forKey: .revokedAfterHash)
    }
}
