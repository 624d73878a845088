import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct OrganisationMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a duplicate organisation into the one to keep: contacts and signatures move over.",
        discussion:
            "The merge syncs; offices that edit or sign for the duplicate meanwhile end up with the same result. Example: signatory org merge 7c1f --into CAP"
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The duplicate: id, id prefix or acronym.") var duplicate: String
    @Option(help: "The organisation to keep.") var into: String
    @OptionGroup var confirmation: ConfirmationOptions

    func run() throws {
        let store = try self.database.open()
        let duplicate = try store.organisation(matching: self.duplicate)
        let keep = try store.organisation(matching: self.into)
        try self.confirmation.confirm(
            "merge \(duplicate.displayName) into \(keep.displayName) at every office, which cannot be undone",
            typing: duplicate.name,
            in: store
        )
        try store.mergeOrganisation(duplicate.id, into: keep.id)
        Output.text("merged \(duplicate.displayName) into \(keep.displayName)")
    }
}

struct OrganisationDuplicates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List organisations that look like one created twice (same name and country)."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let pairs = try self.database.open().duplicatePairs()
        if self.output.json {
            return try Output.json(
                pairs.map {
                    JSONRecord(["first": $0.first.description, "second": $0.second.description, "reason": $0.reason])
                }
            )
        }
        Output.table(pairs.map { [$0.first.shortID, $0.second.shortID, $0.reason] })
    }
}
