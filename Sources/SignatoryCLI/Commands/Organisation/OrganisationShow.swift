import ArgumentParser
import SignatoryDomain
import SignatoryExport
import SignatoryStore

struct OrganisationShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one organisation and its contacts."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The organisation: id, id prefix or acronym.") var organisation: String

    func run() throws {
        let store = try self.database.open()
        let organisation = try store.organisation(matching: self.organisation)
        let contacts = try store.contacts(of: organisation.id)
        let identities = try store.protectedIdentities()
        if self.output.json {
            let contacts = contacts.map { $0.json(with: identities) }
            return try Output.json(JSONRecord.merging(organisation.json, ["contacts": contacts]))
        }
        Output.fields([
            "id": organisation.id.description, "name": organisation.name, "acronym": organisation.acronym,
            "country": organisation.country?.code, "website": organisation.website?.url,
            "ecosoc": organisation.ecosoc.rawValue,
            "ecosoc year": organisation.ecosocYear.map(String.init), "standing": organisation.standing.rawValue,
            "icso number": organisation.icsoNumber?.digits,
            "notes": organisation.notes.nonBlank,
        ])
        for contact in contacts {
            Output.text(
                "contact   \(contact.id.shortID)  \(contact.fullName)\(contact.title.map { ", " + $0 } ?? "")\(identities.label(of: contact).map { "  [\($0)]" } ?? "")"
            )
        }
        RecentChanges.printLast(
            5,
            of: try store.history(of: .organisation, organisation.id.description),
            offices: try RecentChanges.officeNames(in: store)
        )
    }
}
