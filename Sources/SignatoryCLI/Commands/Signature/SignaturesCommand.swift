import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct SignaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signatures",
        abstract: "List the organisations recorded on a statement, or on every statement of a campaign.",
        discussion: """
            With --statement: one row per organisation, with its status, contact and wording. With --campaign: one row \
            per organisation and one column per statement, with its status on each.
            Example: signatory signatures --statement 5c2e --status signed
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The statement: id or id prefix.") var statement: String?
    @Option(help: "The campaign: id or id prefix (every statement at once).") var campaign: String?
    @Option(help: "Only this status: invited, pledged, signed, declined or withdrawn.") var status: String?

    func validate() throws {
        guard (self.statement == nil) != (self.campaign == nil) else {
            throw ValidationError("Give either --statement ID or --campaign ID.")
        }
    }

    func run() throws {
        let store = try self.database.open()
        let status = try self.status.map { try SignatureStatus(parsing: $0) }
        if let campaign = self.campaign { return try self.listCampaign(campaign, status: status, in: store) }
        let statement = try store.statement(matching: self.statement ?? "")
        let signatures = try store.signatures(on: statement.id).filter { status == nil || $0.status == status }
        let current = statement.textHash
        var rows: [[String]] = []
        var records: [JSONRecord] = []
        // Staff see who is protected here too, as `contact list` shows them.
        let identities = try store.protectedIdentities()
        for signature in signatures {
            let organisation = try store.organisation(signature.organisationID)
            if self.output.json {
                records.append(signature.json(organisation: organisation, currentText: current))
                continue
            }
            let contact = try signature.contactID.flatMap { try store.contact($0) }
            let wording = signature.textHash.map { $0 == current ? "current" : "older " + $0.short } ?? "-"
            let person = contact.map { contact in
                identities.label(of: contact).map { "\(contact.fullName) (\($0))" } ?? contact.fullName
            }
            rows.append([
                signature.id.shortID, signature.status.rawValue, organisation?.displayName ?? "?", person ?? "-",
                wording, signature.consentToPublish ? "" : "not to be named",
            ])
        }
        if self.output.json { try Output.json(records) } else { Output.table(rows) }
    }

    /// One row per organisation recorded on any of the campaign's statements (with `status` on
    /// at least one, when given), one column per statement.
    private func listCampaign(_ reference: String, status: SignatureStatus?, in store: Store) throws {
        let campaign = try store.campaign(matching: reference)
        let statements = try store.statements(in: campaign.id)
        var statusByOrganisation: [ID<Organisation>: [ID<JointStatement>: SignatureStatus]] = [:]
        for statement in statements {
            for signature in try store.signatures(on: statement.id) {
                statusByOrganisation[signature.organisationID, default: [:]][statement.id] = signature.status
            }
        }
        let organisations = try statusByOrganisation.keys.compactMap { try store.organisation($0) }
            .filter { organisation in
                status == nil || statusByOrganisation[organisation.id]!.values.contains(status!)
            }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        if self.output.json {
            return try Output.json(
                organisations.map { organisation in
                    JSONRecord([
                        "organisation": organisation.id.description, "name": organisation.name,
                        "statuses": Dictionary(
                            uniqueKeysWithValues: statusByOrganisation[organisation.id]!.map {
                                ($0.key.description, $0.value.rawValue)
                            }
                        ),
                    ])
                }
            )
        }
        let header = ["organisation"] + statements.map { "\($0.id.shortID) \($0.title.prefix(24))" }
        let rows = organisations.map { organisation in
            [organisation.displayName]
                + statements.map { statusByOrganisation[organisation.id]![$0.id]?.rawValue ?? "-" }
        }
        Output.table([header] + rows)
    }
}
