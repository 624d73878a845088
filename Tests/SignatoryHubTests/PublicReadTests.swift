import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignatoryDomain
import SignatoryExport
import SignatoryStore
import Testing

/// What the `public` audience may not learn through the read API: drafts, a lead that has not
/// consented, and the ids an ambiguous reference could mean.
struct PublicReadTests {
    let fixture: HubRouteFixture
    let hidden: Organisation
    let draft: JointStatement
    let open: JointStatement

    init() async throws {
        self.fixture = try HubRouteFixture(members: ["Geneva": .internal, "Press": .public])
        let geneva = self.fixture.member("Geneva").store
        self.hidden = Organisation(name: "Hidden Organisation", acronym: "HID", country: try CountryCode("KE"))
        try geneva.insert(self.hidden)
        let campaign = Campaign(name: "World Day against Trafficking in Persons", status: .active)
        try geneva.insert(campaign)
        self.draft = JointStatement(
            campaignID: campaign.id,
            title: "Draft wording",
            body: "Not yet agreed.",
            language: try LanguageTag("en"),
            leadOrganisationID: self.hidden.id
        )
        try geneva.insert(self.draft)
        var open = JointStatement(
            campaignID: campaign.id,
            title: "No one left behind",
            body: "We call on states.",
            language: try LanguageTag("en"),
            leadOrganisationID: self.hidden.id
        )
        try geneva.insert(open)
        open.status = .open
        try geneva.update(open)
        self.open = open
        try await HubRouteTests.push(from: self.fixture.member("Geneva"), in: self.fixture)
    }

    /// The status and body of a GET as the public office.
    func read(_ uri: String) async throws -> (HTTPResponse.Status, String) {
        let headers = try HubRouteFixture.signed("GET", uri, by: self.fixture.member("Press"))
        return try await self.fixture.withClient { client in
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            return (response.status, String(buffer: response.body))
        }
    }

    @Test func aDraftDoesNotExistForThePublic() async throws {
        for uri in ["/v1/statements/\(self.draft.id)", "/v1/statements/\(self.draft.id)/rendering"] {
            let (status, body) = try await self.read(uri)
            #expect(status == .notFound, "\(uri)")
            #expect(!body.contains("Hidden Organisation") && !body.contains("Not yet agreed"))
        }
        let (status, list) = try await self.read("/v1/statements")
        #expect(status == .ok && list.contains("No one left behind") && !list.contains("Draft wording"))
    }

    @Test func aLeadThatHasNotConsentedStaysHidden() async throws {
        let (status, statement) = try await self.read("/v1/statements/\(self.open.id)")
        #expect(status == .ok && statement.contains("No one left behind"))
        #expect(!statement.contains(self.hidden.id.description))
        let (_, rendering) = try await self.read("/v1/statements/\(self.open.id)/rendering?format=markdown")
        #expect(rendering.contains("No one left behind") && !rendering.contains("Hidden Organisation"))
    }

    /// A published statement whose published wording the hub does not hold (it names a wording
    /// no office has sent yet) answers 409 on its own, and the lists leave it out and still answer.
    @Test func aStatementWhosePublishedWordingIsMissingLeavesTheListsStanding() async throws {
        let geneva = self.fixture.member("Geneva")
        try StatementStatusChange(to: .closed).apply(to: self.open.id, in: geneva.store)
        try StatementStatusChange(to: .published).apply(to: self.open.id, in: geneva.store)
        try await HubRouteTests.push(from: geneva, in: self.fixture)
        // As if the hub held another office's later edit, and not yet the wording published.
        let hub = try Database(path: self.fixture.hubPath, mode: .readWrite)
        try hub.execute(
            "UPDATE statement SET title = 'Never published', body = 'Not this.', "
                + "text_hash = '\(String(repeating: "a", count: 64))' WHERE id = '\(self.open.id)'; "
                + "DELETE FROM statement_text WHERE statement_id = '\(self.open.id)'; "
                + "DELETE FROM entity_state WHERE kind = 'statementText' AND entity_id LIKE '\(self.open.id):%'"
        )
        let uri = "/v1/statements/\(self.open.id)"
        for reader in ["Geneva", "Press"] {
            let headers = try HubRouteFixture.signed("GET", uri, by: self.fixture.member(reader))
            let single = try await self.fixture.withClient { client in
                try await client.execute(uri: uri, method: .get, headers: headers)
            }
            #expect(single.status == .conflict, "\(reader)")
            #expect(!String(buffer: single.body).contains("Not this."))
        }
        for uri in ["/v1/statements", "/v1/campaigns/\(self.open.campaignID)"] {
            let (status, body) = try await self.read(uri)
            #expect(status == .ok, "\(uri): \(body)")
            #expect(!body.contains("Never published") && !body.contains(self.open.id.description), "\(uri)")
        }
    }

    /// Contact sheets follow the statement view: no draft, and no lead that has not consented.
    @Test func aSheetShowsNeitherADraftNorALeadThatHasNotConsented() async throws {
        let geneva = self.fixture.member("Geneva")
        try geneva.store.insert(
            ContactPerson(
                organisationID: self.hidden.id,
                fullName: "Lena Lead",
                title: "Director",
                consentToPublish: true
            )
        )
        try await HubRouteTests.push(from: geneva, in: self.fixture)
        for uri in [
            "/v1/contacts?campaign=\(self.draft.campaignID)", "/v1/contacts?statement=\(self.open.id)",
            "/v1/exports/contacts?campaign=\(self.draft.campaignID)&format=csv",
        ] {
            let (status, body) = try await self.read(uri)
            #expect(status == .ok, "\(uri)")
            for hidden in ["Draft wording", "Lena Lead", "Hidden Organisation"] {
                #expect(!body.contains(hidden), "\(uri) shows \(hidden)")
            }
        }
        for uri in ["/v1/contacts?statement=\(self.draft.id)", "/v1/exports/contacts?statement=\(self.draft.id)"] {
            let (status, body) = try await self.read(uri)
            #expect(status == .notFound && !body.contains("Draft wording"), "\(uri): \(body)")
        }
        // A statement and a campaign name no one sheet.
        let both = "statement=\(self.open.id)&campaign=\(self.open.campaignID)"
        for uri in ["/v1/contacts?\(both)", "/v1/exports/contacts?\(both)"] {
            let (status, body) = try await self.read(uri)
            #expect(status == .badRequest && body.contains("not both"), "\(uri): \(body)")
        }
    }

    /// One contact read by its id: the public sees it once its organisation has signed a
    /// statement that is not a draft with consent to publication, and not before.
    @Test func aContactIsReadOnceItsOrganisationSignedWithConsent() async throws {
        let geneva = self.fixture.member("Geneva")
        let contact = ContactPerson(
            organisationID: self.hidden.id,
            fullName: "Lena Lead",
            title: "Director",
            consentToPublish: true
        )
        try geneva.store.insert(contact)
        // A signature without consent to publication does not make the organisation public.
        try geneva.store.record(
            Signature(
                statementID: self.open.id,
                organisationID: self.hidden.id,
                status: .signed,
                consentToPublish: false,
                recordedAt: Date(),
                source: .coordinator
            )
        )
        try await HubRouteTests.push(from: geneva, in: self.fixture)
        let (before, hidden) = try await self.read("/v1/contacts/\(contact.id)")
        #expect(before == .notFound && !hidden.contains("Lena Lead"))
        try geneva.store.record(
            Signature(
                statementID: self.open.id,
                organisationID: self.hidden.id,
                status: .signed,
                recordedAt: Date(),
                source: .coordinator
            )
        )
        try await HubRouteTests.push(from: geneva, in: self.fixture)
        let (after, shown) = try await self.read("/v1/contacts/\(contact.id)")
        #expect(after == .ok && shown.contains("Lena Lead"), "\(shown)")
    }

    /// A reference that also fits a record the audience does not see means the one it sees: the
    /// answer does not tell that a hidden one exists (hostile review 60).
    @Test func aReferenceThatAlsoFitsAHiddenRecordMeansTheOneShown() async throws {
        let geneva = self.fixture.member("Geneva")
        let shown = Organisation(name: "Shown Network", acronym: "DUP", country: try CountryCode("FR"))
        let twin = Organisation(name: "Unsigned Twin", acronym: "dup", country: try CountryCode("KE"))
        try geneva.store.insert(shown)
        try geneva.store.insert(twin)
        try geneva.store.record(
            Signature(
                statementID: self.open.id,
                organisationID: shown.id,
                status: .signed,
                recordedAt: Date(),
                source: .coordinator
            )
        )
        try await HubRouteTests.push(from: geneva, in: self.fixture)
        let (status, body) = try await self.read("/v1/organisations/DUP")
        #expect(status == .ok && body.contains("Shown Network"), "\(body)")
        #expect(!body.contains(twin.id.description) && !body.contains("Unsigned Twin"))
        let (hiddenStatus, hidden) = try await self.read("/v1/organisations/\(twin.id)")
        #expect(hiddenStatus == .notFound && !hidden.contains("Unsigned Twin"))
    }

    @Test func anAmbiguousReferenceNamesNoRecord() async throws {
        // An acronym that is also the start of another organisation's id names two records.
        let geneva = self.fixture.member("Geneva")
        let prefix = String(self.hidden.id.description.prefix(4))
        let twin = Organisation(name: "Twin Organisation", acronym: prefix, country: try CountryCode("FR"))
        try geneva.store.insert(twin)
        try await HubRouteTests.push(from: geneva, in: self.fixture)
        let (status, body) = try await self.read("/v1/organisations/\(prefix)")
        #expect(status == .notFound)
        #expect(!body.contains(self.hidden.id.description) && !body.contains(twin.id.description))
    }
}
