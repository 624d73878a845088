import ArgumentParser
import SignatoryBundles
import SignatoryDomain
import SignatoryExport

struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Show each office's feed as held here, what each peer is known to have, and open conflicts and duplicates."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let status = try SyncStatus(store: try self.database.open())
        if self.output.json {
            return try Output.json(
                JSONRecord([
                    "office": JSONRecord([
                        "id": status.office.id.description, "name": status.office.name,
                        "continues": status.continues?.description,
                    ]),
                    "feeds": status.feeds.map {
                        JSONRecord([
                            "office": $0.office.description, "name": $0.name, "held": $0.held, "lastHash": $0.lastHash,
                            "signedHead": $0.signedHead, "revokedAfter": $0.revokedAfter,
                        ])
                    },
                    "peers": status.peers.map { peer in
                        JSONRecord([
                            "office": peer.office.description, "name": peer.name, "behind": peer.behind,
                            "has": peer.has.keyedByText, "revokedAfter": peer.revokedAfter,
                        ])
                    },
                    "openConflicts": status.openConflicts, "duplicatePairs": status.duplicatePairs,
                    "continuedIn": status.continuedIn.map {
                        JSONRecord(["office": $0.office.description, "path": $0.path])
                    },
                ])
            )
        }
        Output.text("office   \(status.office.name) (\(status.office.id))")
        if let successor = status.continuedIn {
            Output.text(
                "         continued as office \(successor.office) in \(successor.path): this database takes no more changes; use --db \(ShellWord.path(successor.path))"
            )
        }
        // Two offices can bear one name (this office before and after `office recover` do), and a
        // name can imitate a label: each line starts with the office's id, as `office list` does.
        func named(_ office: ID<Office>, _ name: String?) -> String {
            let id = office.description.prefix(8)
            guard let name else { return office.description }
            if office == status.office.id { return "\(id)  \(name) (this office)" }
            if office == status.continues { return "\(id)  \(name) (this office before `office recover`)" }
            return "\(id)  \(name)"
        }
        for feed in status.feeds {
            let revoked = feed.revokedAfter.map {
                "; trust revoked here after its change \($0), later ones are not taken"
            }
            // The hash names the last change for `office revoke --after N --hash H` elsewhere.
            let hash = feed.lastHash.map { "; change \(feed.held) has hash \($0)" } ?? ""
            Output.text(
                "feed     \(named(feed.office, feed.name)): \(feed.held) change(s) held, signed to \(feed.signedHead.map(String.init) ?? "-")\(hash)\(revoked ?? "")"
            )
        }
        for peer in status.peers {
            let name = named(peer.office, peer.name)
            guard peer.office != status.continues else {
                Output.text("peer     \(name): it takes no more changes, so nothing is sent to it")
                continue
            }
            guard peer.revokedAfter == nil else {
                Output.text("peer     \(name): trust revoked here, so nothing is sent to it")
                continue
            }
            Output.text("peer     \(name): \(peer.behind) change(s) not yet sent")
        }
        StandardStreams.line(
            "conflicts \(status.openConflicts) open, duplicates \(status.duplicatePairs) possible pair(s)"
        )
    }
}
