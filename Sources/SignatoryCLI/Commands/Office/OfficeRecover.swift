import ArgumentParser
import SignatoryBundles
import SignatoryDomain
import SignatoryStore

struct OfficeRecover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Continue an office whose feed forked after its database was restored from a backup.",
        discussion: """
            When a restored office wrote changes at feed positions its peers already hold, peers refuse its bundles
            ("two different changes at position N"). Ask a peer for a full bundle (signatory sync export --all
            --for THIS-OFFICE --out FILE), then run this command: it writes a new database under a new office identity with
            everything the peer holds, every other feed this office held, and this office's own changes the peers
            never received. Give the new card to every office and the hub; its card is signed by the old key.
            The old database is then marked as continued by the new one and takes no more changes.
            Example: signatory office recover --db geneva.db --from bucharest-full.jsonl --out geneva-recovered.db
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "A full bundle from a peer, holding this office's feed as the peer knows it.") var from: String
    @Option(help: "The new database file to write; it must not exist.") var out: String

    func run() throws {
        let store = try self.database.open()
        let report = try FeedRecovery(store: store).recover(using: self.from, into: self.out)
        guard let office = report.newOffice, let fork = report.forkedAt else {
            return Output.text(
                "this office's feed agrees with the peer's copy: nothing to recover; "
                    + "run `signatory sync import --db \(ShellWord.path(try self.database.resolvedPath)) \(ShellWord.path(self.from))` to take in what the peer holds"
            )
        }
        for note in report.setAside { Output.warn(note) }
        // A line each: a line break in a path is shown, not obeyed.
        Output.lines(
            [
                "the feed forked at position \(fork); this office continues as \(office) in \(self.out), "
                    + "with \(report.rewritten) change(s) the peers had not received written again"
            ] + Self.describe(report.leftOut) + [
                "next: use --db \(ShellWord.path(self.out)) from now on, and give its card (signatory office card --db \(ShellWord.path(self.out))) "
                    + "to every office (signatory office trust CARD) and the hub (signatory hub enroll CARD); "
                    + "the old database takes no more changes, erasures included: once the new one works, delete it and its backups",
                "if the old database, a backup of it or its key may be in other hands (a lost laptop, a backup restored "
                    + "elsewhere), changes written under the old identity are still taken: then find the last position N of "
                    + "the old feed that any office or the hub holds, and its hash H (`signatory sync status` there, the line "
                    + "starting \(store.office.id.description.prefix(8)): \"N change(s) held, … change N has hash H\"; the "
                    + "peer's bundle holds \(report.peerEnd)\(report.peerEndHash.map { ", whose hash is \($0)" } ?? "")), and revoke it at that change everywhere, so that all take the "
                    + "same changes: `signatory office revoke \(store.office.id) --after N --hash H --yes --db "
                    + "\(ShellWord.path(self.out))` here, and `signatory office revoke \(store.office.id) --after N --hash H "
                    + "--yes` at every office and on the hub once it trusts the new card",
            ]
        )
    }

    /// "left out 1 change(s) …: position 4 (an edit of contact 1a2b3c4d)", on a line of its own;
    /// the first ten positions are named.
    private static func describe(_ leftOut: [FeedRecovery.LeftOutEdit]) -> [String] {
        guard !leftOut.isEmpty else { return [] }
        var positions = leftOut.prefix(10).map {
            "position \($0.sequence) (an edit of \($0.record.rawValue) \($0.id.prefix(8)))"
        }
        if leftOut.count > 10 { positions.append("and \(leftOut.count - 10) more") }
        return [
            "left out \(leftOut.count) change(s) typed here that edited a person erased since, here or at a peer, "
                + "as the erasure forbids: " + positions.joined(separator: ", ")
        ]
    }
}
