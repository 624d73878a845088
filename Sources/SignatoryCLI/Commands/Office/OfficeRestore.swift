import ArgumentParser
import SignatoryDomain
import SignatoryStore

struct OfficeRestore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place as this office's database, keeping the database it replaces.",
        discussion: """
            Stop `signatory ui` and `signatory serve` on the database first. The backup is copied and checked; then,
            under the database's write lock, a copy of the database is kept as DB.replaced-DATE and its rows are
            replaced with the backup's in one transaction, so that its write-ahead log and any connection to it stay
            consistent. A database that cannot be read, or is damaged, is renamed DB.replaced-DATE instead, with its
            -wal and -shm files. Nothing is removed, and the backup file is not written to.
            Only a backup of the same office is restored over a database; restore another office's with another --db.
            Then, before writing anything, take in what the peers hold (signatory sync pull, or sync import a full
            bundle from a peer).
            Example: signatory office restore --db geneva.db --from geneva-2026-12-02.db
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The backup file to restore (written by `signatory office backup`).") var from: String

    func run() throws {
        let path = try self.database.resolvedPath
        let restored = try Store.restore(from: self.from, to: path)
        let replaced =
            restored.replacedAs.map {
                restored.replacedWasUnreadable
                    ? "; the file it replaced could not be read as a Signatory database (so whose it was is not known), "
                        + "and is kept as \($0)"
                    : "; the database it replaced is kept as \($0)"
            } ?? ""
        // A line each: a line break in a path is shown, not obeyed.
        for (office, audience) in restored.kept.audiences {
            Output.warn(
                "\(office) keeps the audience \(audience.rawValue), as narrowed here after this backup was made"
            )
        }
        for office in restored.kept.revoked {
            Output.warn("\(office) stays revoked, as revoked here after this backup was made")
        }
        for (office, after) in restored.kept.moved {
            Output.warn(
                "\(office) stays revoked after its change \(after), where its revocation was moved here after this "
                    + "backup was made (`signatory office list` shows it)"
            )
        }
        // An office whose trust stays revoked is refused by the hub whatever its enrolment.
        let revoked = Set(restored.kept.revoked.map(\.id))
        for office in restored.kept.enrolmentsEnded where !revoked.contains(office.id) {
            Output.warn(
                "\(office) stays shut out of this hub, as its enrolment was ended here after this backup was made"
            )
        }
        if restored.revocationsMayBeLost, let replaced = restored.replacedAs.map(ShellWord.path) {
            let here = ShellWord.path(path)
            let hub =
                restored.mayBeAHub
                ? "; if it serves as the hub, compare `signatory hub list --db \(replaced)` too, and run `signatory hub revoke OFFICE --db \(here)` "
                    + "again for any enrolment ended since, and `signatory hub enroll CARD --audience AUDIENCE --db \(here)` for "
                    + "any audience narrowed since"
                : ""
            Output.warn(
                "the database replaced is damaged where it keeps the offices it revoked, so some of those revoked after "
                    + "this backup was made may not have been carried over: compare what `signatory office list --db \(replaced)` "
                    + "still shows, and run `signatory office revoke OFFICE --db \(here)` again for any" + hub
            )
        }
        Output.lines([
            "restored \(path) from \(self.from): office \(restored.office.name), \(restored.changes) change(s)\(replaced)",
            "next, before writing anything: signatory sync pull --db \(ShellWord.path(path)) --hub URL, or signatory sync import "
                + "--db \(ShellWord.path(path)) FULL-BUNDLE (at a peer: signatory sync export --all --for \(restored.office.id) --out FILE)",
        ])
    }
}
