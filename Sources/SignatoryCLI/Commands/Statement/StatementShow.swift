import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct StatementShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a statement, its wordings and how many have signed.",
        discussion: """
            --wording prints the full text of any wording the statement has had, by its hash or a prefix of it \
            (the hashes are listed by `statement show --json` and `signatures --statement`).
            Example: signatory statement show 5c2e --wording 3fa4
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The statement: id or id prefix.") var statement: String
    @Option(help: ArgumentHelp("Print this wording's full text instead.", valueName: "hash")) var wording: String?

    func run() throws {
        let store = try self.database.open()
        let statement = try store.statement(matching: self.statement)
        let texts = try store.texts(of: statement.id)
        let signatures = try store.signatures(on: statement.id)
        if let wording = self.wording { return try self.show(wording, of: texts) }
        if self.output.json {
            return try Output.json(
                JSONRecord.merging(
                    statement.json,
                    [
                        "texts": texts.map(\.json),
                        "publication": statement.publication.map(\.json),
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
            "published": statement.publication.map { record in
                ([record.date.description, record.place, record.occasion].compactMap { $0 }
                    + ["\(record.cosigners.count) co-signer(s) recorded"]).joined(separator: ", ")
            },
        ])
        StandardStreams.line("")
        Output.body(statement.body)
        RecentChanges.printLast(
            5,
            of: try store.history(of: .statement, statement.id.description),
            offices: try RecentChanges.officeNames(in: store)
        )
    }

    private func show(_ prefix: String, of texts: [StatementText]) throws {
        let wanted = prefix.lowercased()
        let matches = texts.filter { wanted.count >= 4 && $0.hash.hex.hasPrefix(wanted) }
        guard matches.count == 1, let text = matches.first else {
            let known = texts.map(\.hash.short).joined(separator: ", ")
            throw ValidationError(
                "--wording \(prefix) names \(matches.isEmpty ? "no" : "more than one") wording of this statement; "
                    + "give at least 4 characters of one of: \(known)."
            )
        }
        if self.output.json {
            return try Output.json(JSONRecord.merging(text.json, ["body": text.body, "language": text.language.tag]))
        }
        Output.fields([
            "wording": text.hash.hex, "title": text.title, "language": text.language.tag,
            "recorded": text.recordedAt.iso8601,
        ])
        StandardStreams.line("")
        Output.body(text.body)
    }
}
