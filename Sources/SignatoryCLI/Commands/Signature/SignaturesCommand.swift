import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct SignaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signatures",
        abstract: "List the organisations recorded on a statement, with their status and contact."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The statement: id or id prefix.") var statement: String

    func run() throws {
        let store = try self.database.open()
        let statement = try store.statement(matching: self.statement)
        let signatures = try store.signatures(on: statement.id)
        var rows: [[String]] = []
        var records: [JSONRecord] = []
        for signature in signatures {
            let organisation = try store.organisation(signature.organisationID)
            if self.output.json {
                records.append(signature.json(organisation: organisation, currentText: statement.textHash))
                continue
            }
            let contact = try signature.contactID.flatMap { try store.contact($0) }
            let wording = signature.textHash.map { $0 == statement.textHash ? "current" : "older " + $0.short } ?? "-"
            rows.append([
                signature.id.shortID, signature.status.rawValue, organisation?.displayName ?? "?",
                contact?.fullName ?? "-", wording, signature.consentToPublish ? "" : "not to be named",
            ])
        }
        if self.output.json { try Output.json(records) } else { Output.table(rows) }
    }
}
