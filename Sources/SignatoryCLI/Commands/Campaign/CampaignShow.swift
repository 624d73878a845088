import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct CampaignShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one campaign and its statements."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The campaign: id or id prefix.") var campaign: String

    func run() throws {
        let store = try self.database.open()
        let campaign = try store.campaign(matching: self.campaign)
        let statements = try store.statements(in: campaign.id)
        var counts: [ID<JointStatement>: [SignatureStatus: Int]] = [:]
        for statement in statements {
            for signature in try store.signatures(on: statement.id) {
                counts[statement.id, default: [:]][signature.status, default: 0] += 1
            }
        }
        func countsByStatus(_ statement: JointStatement) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: (counts[statement.id] ?? [:]).map { ($0.key.rawValue, $0.value) })
        }
        if self.output.json {
            return try Output.json(
                JSONRecord.merging(
                    campaign.json,
                    [
                        "statements": statements.map {
                            JSONRecord.merging($0.json, ["signatureCounts": countsByStatus($0)])
                        }
                    ]
                )
            )
        }
        Output.fields([
            "id": campaign.id.description, "name": campaign.name,
            "description": campaign.description.isEmpty ? nil : campaign.description,
            "start date": campaign.startDate?.description, "end date": campaign.endDate?.description,
            "status": campaign.status.rawValue,
        ])
        Output.table(
            statements.map { statement in
                let shown = SignatureStatus.allCases.compactMap { status in
                    counts[statement.id]?[status].map { "\($0) \(status.rawValue)" }
                }
                return [
                    "statement", statement.id.shortID, statement.status.rawValue, statement.title,
                    shown.isEmpty ? "no signatures yet" : shown.joined(separator: ", "),
                ]
            }
        )
    }
}
