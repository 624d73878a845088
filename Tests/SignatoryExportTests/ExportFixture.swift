import Foundation
import SignatoryDomain
import SignatoryExport
import SignatoryStore
import StoreTestSupport
import TestSupport

/// An office whose open statement is signed by organisations with awkward names: commas, quotes,
/// line breaks, accents, right-to-left script, formula-like text and markup. One contact is at
/// risk, one did not consent, and one organisation did not consent to publication.
final class ExportFixture {
    let folder: TemporaryDirectory
    let store: Store
    let campaign: Campaign
    let statement: JointStatement
    /// The people every audience but `public` may see, with the values as typed.
    let visible: [ContactPerson]
    let organisations: [ID<Organisation>: Organisation]
    let atRisk: ContactPerson
    let unconsenting: ContactPerson
    let unpublishedOrganisationContact: ContactPerson

    static let awkwardNames = [
        "Valle, Thierry \"TV\"",
        "<script>alert(1)</script>",
        "@SUM(A1:A9)",
        "-2+3",
        "أحمد عبد الله",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "Back\\slash; semi, comma",
    ]

    init() throws {
        self.folder = try TemporaryDirectory()
        let store = try Store.create(
            at: self.folder.path("office.db"),
            office: Office(name: "Geneva", createdAt: Date())
        )
        self.store = store
        (self.campaign, self.statement) = try store.addOpenStatement(
            campaign: "World Day, 2026",
            body: "We ask states to act."
        )

        var organisations: [ID<Organisation>: Organisation] = [:]
        func add(_ name: String, acronym: String?, country: String, ecosoc: ECOSOCCategory) throws -> ID<Organisation> {
            let organisation = Organisation(
                name: name,
                acronym: acronym,
                country: try CountryCode(country),
                ecosoc: ecosoc
            )
            try store.insert(organisation)
            organisations[organisation.id] = organisation
            return organisation.id
        }
        let cap = try add("CAP Liberté de Conscience", acronym: "CAP", country: "FR", ecosoc: .special)
        let cairo = try add("مركز القاهرة لدراسات حقوق الإنسان", acronym: "CIHRS", country: "EG", ecosoc: .special)
        let long = try add(
            "Organisation für Menschenrechte und Würde in Zentralasien — Ελληνική Ένωση για τα Δικαιώματα του Ανθρώπου",
            acronym: nil,
            country: "DE",
            ecosoc: .roster
        )
        let quiet = try add("Quiet Partners", acronym: nil, country: "KE", ecosoc: .none)

        var people: [ContactPerson] = []
        for (index, name) in Self.awkwardNames.enumerated() {
            let organisation = [cap, cairo, long][index % 3]
            people.append(
                ContactPerson(
                    organisationID: organisation,
                    fullName: name,
                    title: index == 0 ? "Director, Geneva office" : "Représentante, \"ONU\"",
                    email: try EmailAddress("person\(index)@example.org"),
                    phone: try PhoneNumber("+41 22 555 01 0\(index)"),
                    consentToPublish: true
                )
            )
        }
        self.atRisk = ContactPerson(
            organisationID: cap,
            fullName: "Hidden Defender",
            title: "Researcher",
            email: try EmailAddress("hidden@example.org"),
            phone: try PhoneNumber("+20 2 555 0199"),
            atRisk: true,
            consentToPublish: true
        )
        self.unconsenting = ContactPerson(
            organisationID: cairo,
            fullName: "Private Person",
            title: "Officer",
            email: try EmailAddress("private@example.org"),
            consentToPublish: false
        )
        self.unpublishedOrganisationContact = ContactPerson(
            organisationID: quiet,
            fullName: "Quiet Contact",
            consentToPublish: true
        )
        for person in people + [self.atRisk, self.unconsenting, self.unpublishedOrganisationContact] {
            try self.store.insert(person)
        }
        // Signatory now refuses a line break in a title, but a database written by an earlier
        // version may hold one, and every sheet must still keep it inside its cell.
        try self.store.database.prepare("UPDATE contact SET title = ? WHERE id = ?").run(
            "Director\nGeneva office",
            people[0].id
        )
        people[0].title = "Director\nGeneva office"
        self.visible = people + [self.unconsenting, self.unpublishedOrganisationContact]
        self.organisations = organisations
        for (index, organisation) in [cap, cairo, long].enumerated() {
            try self.store.record(
                Signature(
                    statementID: statement.id,
                    organisationID: organisation,
                    contactID: people[index].id,
                    status: .signed,
                    recordedAt: Date(),
                    source: .coordinator
                )
            )
        }
        try self.store.record(
            Signature(
                statementID: statement.id,
                organisationID: quiet,
                status: .signed,
                consentToPublish: false,
                recordedAt: Date(),
                source: .coordinator
            )
        )
    }

    /// The statement's contact sheet in `format` for `audience`, and its summary.
    func export(
        _ format: ContactSheetFormat,
        for audience: ExportAudience
    ) throws -> (bytes: [UInt8], summary: ContactSheetSummary) {
        var sink = ByteSink()
        let export = ContactSheetExport(
            scope: .statement(self.statement.id),
            format: format,
            audience: audience,
            title: self.statement.title,
            madeAt: Date(timeIntervalSince1970: 1_785_000_000)
        )
        let summary = try export.write(from: self.store, to: &sink)
        return (sink.collected, summary)
    }
}
