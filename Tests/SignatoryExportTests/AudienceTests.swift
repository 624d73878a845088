import Foundation
import SignatoryBundles
import SignatoryDomain
import SignatoryExport
import SignatoryStore
import StoreTestSupport
import TestSupport
import Testing

struct AudienceTests {
    @Test(arguments: ContactSheetFormat.allCases)
    func aContactAtRiskAppearsOnlyInInternalSheets(format: ContactSheetFormat) throws {
        let fixture = try ExportFixture()
        let secrets = ["Hidden Defender", "hidden@example.org", "+2025550199", fixture.atRisk.id.description]
        for audience in [ExportAudience.coalition, .public] {
            let (bytes, summary) = try fixture.export(format, for: audience)
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in secrets { #expect(!text.contains(secret), "\(format) for \(audience) shows \(secret)") }
            #expect(summary.omissions[.atRisk] == 1)
        }
        let staffSheet = String(decoding: try fixture.export(format, for: .internal).bytes, as: UTF8.self)
        #expect(staffSheet.contains("hidden@example.org"))
    }

    @Test(arguments: ContactSheetFormat.allCases)
    func theInternalSheetMarksThePersonAtRiskAndEverySheetSaysWhoItIsFor(format: ContactSheetFormat) throws {
        let fixture = try ExportFixture()
        // As a reader sees it: vCard lines unfolded and unescaped, HTML entities read.
        func read(_ bytes: [UInt8]) -> String {
            String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
                .replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
                .replacingOccurrences(of: "&#39;", with: "'")
        }
        let staffSheet = read(try fixture.export(format, for: .internal).bytes)
        switch format {
        case .csv:
            #expect(staffSheet.contains("Hidden Defender,") && staffSheet.contains(",yes\r\n"))
        default:
            #expect(staffSheet.contains("AT RISK: do not share"), "\(format)")
        }
        for audience in [ExportAudience.coalition, .public] {
            let text = String(decoding: try fixture.export(format, for: audience).bytes, as: UTF8.self)
            #expect(!text.contains("AT RISK") && !text.contains(",yes\r\n"), "\(format) for \(audience)")
        }
        // CSVs carry no heading: address books and spreadsheets would read it as a contact.
        guard !format.isCSV else { return }
        #expect(
            staffSheet.contains("Internal: every contact, people at risk included") && staffSheet.contains("Made 20")
        )
        let coalition = read(try fixture.export(format, for: .coalition).bytes)
        #expect(coalition.contains("For the coalition: no contacts at risk."))
        #expect(coalition.contains("Statement '\(fixture.statement.title)'"), "\(format)")
    }

    @Test(arguments: ContactSheetFormat.allCases)
    func thePublicSheetShowsConsentingOrganisationsWithoutContactDetails(format: ContactSheetFormat) throws {
        let fixture = try ExportFixture()
        let (bytes, summary) = try fixture.export(format, for: .public)
        let text = String(decoding: bytes, as: UTF8.self)
        for hidden in ["@example.org", "+41225550", "Quiet Partners", "Quiet Contact", "Private Person"] {
            #expect(!text.contains(hidden), "\(format) for the public shows \(hidden)")
        }
        #expect(text.contains("CAP Liberté de Conscience"))
        #expect(summary.omissions == [.atRisk: 1, .contactNotConsenting: 1, .organisationNotConsenting: 1])
        #expect(
            summary.description == "Left out 3 contacts for the public audience: 1 at risk, "
                + "1 whose organisation has not signed with consent to publication, "
                + "1 who has not consented to publication."
        )
    }

    /// The public sees no draft, and learns a statement's lead once it is published or when
    /// the lead signed something with consent, as the hub's statement view says.
    @Test func aDraftAndAnUnpublishedLeadStayOutOfThePublicSheet() throws {
        let fixture = try ExportFixture()
        let store = fixture.store
        func lead(_ name: String, contact: String) throws -> Organisation {
            let organisation = Organisation(name: name, country: try CountryCode("CH"), ecosoc: .roster)
            try store.insert(organisation)
            try store.insert(ContactPerson(organisationID: organisation.id, fullName: contact, consentToPublish: true))
            return organisation
        }
        // Led by an organisation that signed another statement with consent: still a draft.
        let cap = try #require(fixture.organisations.values.first { $0.acronym == "CAP" })
        let draft = JointStatement(
            campaignID: fixture.campaign.id,
            title: "Secret draft",
            body: "Not yet agreed.",
            language: try LanguageTag("en"),
            leadOrganisationID: cap.id
        )
        try store.insert(draft)
        let openLead = try lead("Open Lead Organisation", contact: "Olga Open")
        var statement = fixture.statement
        statement.leadOrganisationID = openLead.id
        try store.update(statement)
        func sheet(_ audience: ExportAudience, of scope: ContactScope? = nil) throws -> String {
            var sink = ByteSink()
            let scope = scope ?? .campaign(fixture.campaign.id)
            _ = try ContactSheetExport(scope: scope, format: .csv, audience: audience, title: "")
                .write(from: store, to: &sink)
            return String(decoding: sink.collected, as: UTF8.self)
        }
        var shown = try sheet(.public)
        for hidden in ["Secret draft", "Open Lead Organisation", "Olga Open"] {
            #expect(!shown.contains(hidden), "the public sheet shows \(hidden)")
        }
        #expect(shown.contains("CAP Liberté de Conscience"))
        let coalition = try sheet(.coalition)
        #expect(coalition.contains("Secret draft") && coalition.contains("Olga Open"))
        // Once the lead signed with consent, the public may know it.
        try store.record(.signed, by: openLead.id, on: statement, source: .coordinator)
        shown = try sheet(.public)
        #expect(shown.contains("Olga Open") && !shown.contains("Secret draft"))
        // A published statement names its lead, consenting or not.
        let (_, published) = try store.addOpenStatement(campaign: "Published campaign")
        let publishedLead = try lead("Published Lead Organisation", contact: "Paula Published")
        var closing = published
        closing.leadOrganisationID = publishedLead.id
        closing.status = .closed
        try store.update(closing)
        closing.status = .published
        closing.publication = Publication(
            date: try CalendarDate("2026-07-30"),
            place: "Geneva",
            occasion: nil,
            textHash: closing.textHash,
            lead: nil,
            cosigners: []
        )
        try store.update(closing)
        #expect(try sheet(.public, of: .statement(published.id)).contains("Paula Published"))
        // A statement the public does not see is not found for it at all.
        let scope = ContactSheetScope(statement: draft.id.description, campaign: nil)
        #expect(throws: StoreError.self) { try scope.resolve(in: store, for: .public) }
        #expect(try scope.resolve(in: store, for: .coalition).title == "Secret draft")
        // Signed with consent, then back to draft: the signatures no longer make anyone public.
        statement = try #require(try store.statement(statement.id))
        statement.status = .draft
        try store.update(statement)
        let everyone = try sheet(.public, of: .all)
        #expect(!everyone.contains("Olga Open") && !everyone.contains("CAP Liberté de Conscience"), "\(everyone)")
        #expect(try !store.organisationsConsentingToPublication().contains(cap.id))
    }

    @Test func anAtRiskFlagThatArrivesBySyncHidesTheContactEverywhere() throws {
        let offices = try TwoOffices()
        let geneva = offices.geneva
        let bucharest = offices.bucharest
        let organisation = Organisation(
            name: "Romanian Independent Society of Human Rights",
            acronym: "SIRDO",
            country: try CountryCode("RO"),
            ecosoc: .special
        )
        try geneva.insert(organisation)
        let contact = ContactPerson(
            organisationID: organisation.id,
            fullName: "Lucica Humenuc",
            title: "Director",
            email: try EmailAddress("lucica@sirdo.example"),
            consentToPublish: true
        )
        try geneva.insert(contact)
        try offices.exchange()
        #expect(try Self.sheet(bucharest, .coalition).contains("Lucica Humenuc"))

        // Geneva learns she is at risk while Bucharest, offline, edits her title.
        var flagged = try #require(try geneva.contact(contact.id))
        flagged.atRisk = true
        try geneva.update(flagged)
        var retitled = try #require(try bucharest.contact(contact.id))
        retitled.title = "President"
        try bucharest.update(retitled)
        try offices.exchange()

        for office in [geneva, bucharest] {
            #expect(try office.contact(contact.id)?.atRisk == true)
            for audience in [ExportAudience.coalition, .public] {
                for format in ContactSheetFormat.allCases {
                    let text = try Self.sheet(office, audience, format)
                    #expect(!text.contains("Lucica") && !text.contains("sirdo.example"), "\(format) for \(audience)")
                }
            }
            #expect(try Self.sheet(office, .internal).contains("Lucica Humenuc"))
        }
    }

    private static func sheet(
        _ store: Store,
        _ audience: ExportAudience,
        _ format: ContactSheetFormat = .csv
    ) throws -> String {
        var sink = ByteSink()
        _ = try ContactSheetExport(scope: .all, format: format, audience: audience, title: "All").write(
            from: store,
            to: &sink
        )
        return String(decoding: sink.collected, as: UTF8.self)
    }
}

/// Two offices that trust each other and exchange bundle files.
final class TwoOffices {
    let folder: TemporaryDirectory
    let geneva: Store
    let bucharest: Store

    init() throws {
        self.folder = try TemporaryDirectory()
        self.geneva = try Store.create(
            at: self.folder.path("geneva.db"),
            office: Office(name: "Geneva", createdAt: Date())
        )
        self.bucharest = try Store.create(
            at: self.folder.path("bucharest.db"),
            office: Office(name: "Bucharest", createdAt: Date())
        )
        try self.geneva.trust(try self.bucharest.officeCard())
        try self.bucharest.trust(try self.geneva.officeCard())
    }

    /// Each office sends the other everything it has.
    func exchange() throws {
        for (source, target) in [(self.geneva, self.bucharest), (self.bucharest, self.geneva)] {
            let path = self.folder.path("bundle-\(UUID().uuidString).jsonl")
            _ = try BundleExporter(store: source).export(to: path)
            _ = try BundleImporter(store: target).importBundle(at: path)
        }
    }
}
