import ArgumentParser
import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Record an organisation's signature (or invitation, pledge, refusal, withdrawal) on a statement.",
        discussion: """
            Recording again for the same statement and organisation replaces the earlier status.
            Invitations can go out for draft or open statements; pledges and signatures need an open statement;
            declining and withdrawing are always possible.
            Example: signatory sign --statement 5c0d --org CAP --contact 91b2 --status signed
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The statement: id or id prefix.") var statement: String
    @Option(name: .customLong("org"), help: "The organisation: id, id prefix or acronym.") var organisation: String
    @Option(help: "The person signing for the organisation: id or id prefix.") var contact: String?
    @Option(help: "invited, pledged, signed, declined or withdrawn.") var status: String = "signed"
    @Flag(
        inversion: .prefixedNo,
        help: "The organisation agreed to have its name published (default: yes for a new signature)."
    )
    var consent: Bool?
    @Option(help: "Who recorded it: coordinator, import or office.") var source: String = "coordinator"

    func run() throws {
        let status = try SignatureStatus(parsing: self.status)
        let source = try SignatureSource(parsing: self.source)
        let store = try self.database.open()
        let statement = try store.statement(matching: self.statement)
        let organisation = try store.organisation(matching: self.organisation)
        let contact = try self.contact.map { try store.contact(matching: $0) }
        let signature = try store.record(
            status,
            by: organisation.id,
            on: statement,
            contact: contact?.id,
            consent: self.consent,
            source: source
        )
        if self.output.json {
            // After a merge the row shows what every signature sharing it settles to.
            let row = try store.signature(signature.id) ?? signature
            try Output.json(row.json(organisation: organisation, currentText: statement.textHash))
        } else {
            StandardStreams.line(signature.id.description)
        }
    }
}
