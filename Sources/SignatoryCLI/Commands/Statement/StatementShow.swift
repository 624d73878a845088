import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct StatementShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a statement, its wordings and how many have signed."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The statement: id or id prefix.") var statement: String

    func run() throws {
        let store = try self.database.open()
        let statement = try store.statement(matching: self.statement)
        let texts = try store.texts(of: statement.id)
        let signatures = try store.signatures(on: statement.id)
        if self.output.json {
            return try Output.json(
                JSONRecord.merging(
                    statement.json,
                    [
                        "texts": texts.map(\.json),
                        "signatureCounts": Dictionary(grouping: signatures, by: \.status.rawValue).mapValues(\.count),
                    ]
                )
            )
        }
        let lead = try statement.leadOrganisationID.flatMap { try store.organisation($0) }
        let campaign = try store.campaign(statement.campaignID)
        let counts = Dictionary(grouping: signatures, by: \.status).sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
        Output.fields([
            "id": statement.id.description, "title": statement.title, "campaign": campaign?.name,
            "lead": lead?.displayName, "language": statement.language.tag, "status": statement.status.rawValue,
            "wording": "\(statement.textHash.short) (\(texts.count) version\(texts.count == 1 ? "" : "s"))",
            "signatures": counts.isEmpty ? "none yet" : counts,
        ])
        print("")
        Output.text(statement.body)
    }
}
