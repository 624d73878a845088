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
                    "office": JSONRecord(["id": status.office.id.description, "name": status.office.name]),
                    "feeds": status.feeds.map {
                        JSONRecord([
                            "office": $0.office.description, "name": $0.name, "held": $0.held,
                            "signedHead": $0.signedHead,
                        ])
                    },
                    "peers": status.peers.map { peer in
                        JSONRecord([
                            "office": peer.office.description, "name": peer.name, "behind": peer.behind,
                            "has": peer.has.keyedByText,
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
        for feed in status.feeds {
            Output.text(
                "feed     \(feed.name ?? feed.office.description): \(feed.held) change(s) held, signed to \(feed.signedHead.map(String.init) ?? "-")"
            )
        }
        for peer in status.peers {
            Output.text("peer     \(peer.name ?? peer.office.description): \(peer.behind) change(s) not yet sent")
        }
        StandardStreams.line(
            "conflicts \(status.openConflicts) open, duplicates \(status.duplicatePairs) possible pair(s)"
        )
    }
}
