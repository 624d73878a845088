import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract:
            "Decide which offices may use this hub and what they may read; remember the hub an office syncs with.",
        subcommands: [HubEnroll.self, HubRevoke.self, HubList.self, HubRemote.self]
    )
}

struct HubEnroll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Let the office on a card push, pull and read through this hub.",
        discussion: """
            Check the card with its office through a channel you trust first. --audience says what the office may read:
            internal (everything; only internal offices sync, as a feed carries everything), coalition (no contacts at
            risk) or public (published organisations, no contact details); the last two are for tools that only read.
            Example: signatory hub enroll bucharest.card --audience internal --db hub.db
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A card printed by `signatory office card`.") var card: String
    @Option(help: "internal (an office that syncs; the default), coalition or public (tools that only read).")
    var audience: ExportAudience = .internal

    func run() throws {
        let card = try OfficeCardFile.read(self.card)
        let store = try self.database.open()
        guard card.id != store.office.id else {
            throw ValidationError("That is this hub's own card; enrol the offices' cards.")
        }
        try store.enrol(card, audience: self.audience)
        Output.text("enrolled \(card.name) (\(card.id)) for the \(self.audience.rawValue) audience")
        Output.text("fingerprint: \(card.fingerprint) (it must match what that office reads you from `office card`)")
    }
}

struct HubRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Refuse an enrolled office's requests from now on (its changes already held stay).",
        discussion: "Example: signatory hub revoke Bucharest --db hub.db"
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The office: its name, id or id prefix.") var office: String

    func run() throws {
        let store = try self.database.open()
        let id = try store.trustedOffice(matching: self.office)
        let name = try store.trustedOffice(id)?.name ?? self.office
        guard try store.hubMember(id)?.isRevoked != true else {
            return Output.text("\(name) (\(id)) was already revoked")
        }
        try store.revoke(id)
        Output.text("revoked \(name) (\(id))")
    }
}

struct HubList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the offices enrolled on this hub."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let members = try self.database.open().hubMembers()
        if self.output.json {
            return try Output.json(
                members.map { member in
                    JSONRecord([
                        "id": member.card.id.description, "name": member.card.name,
                        "audience": member.audience.rawValue,
                        "enrolledAt": member.enrolledAt.iso8601, "revokedAt": member.revokedAt?.iso8601,
                    ])
                }
            )
        }
        Output.table(
            members.map { member in
                [
                    member.card.id.shortID, member.card.name, member.audience.rawValue,
                    member.isRevoked ? "revoked" : "enrolled",
                ]
            }
        )
    }
}
