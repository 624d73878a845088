import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignatoryDomain
import SignatoryStore
import Testing

@testable import SignatoryWeb

/// Writes through the pages: each goes through the store's normal path, and a refusal writes nothing.
struct WebWriteTests {
    @Test func aCosignerLikeOneHeldNeedsATick() async throws {
        let fixture = try WebFixture()
        let before = try fixture.dump()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let check = String(
                buffer: try await session.get(
                    client,
                    "/statements/\(fixture.statement)/cosigners/new?name=CAP+Liberte+de+Conscience&country=FR"
                ).body
            )
            #expect(check.contains("matched by name and country"))
            let form = [
                "organisation": "new", "name": "CAP Liberte de Conscience", "country": "FR", "contactName": "Someone",
            ]
            let refused = try await session.post(client, "/statements/\(fixture.statement)/cosigners", form)
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("Nothing was added"))
        }
        #expect(try fixture.dump() == before)
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let form = [
                "organisation": "new", "name": "CAP Liberte de Conscience", "country": "FR", "confirmNew": "yes",
            ]
            let created = try await session.post(client, "/statements/\(fixture.statement)/cosigners", form)
            #expect(created.status == .seeOther)
        }
        let store = try Store.open(at: fixture.path)
        #expect(try store.organisations().filter { $0.name.hasPrefix("CAP Liber") }.count == 2)
        #expect(try store.signatures(on: fixture.statement).count == 3)
    }

    @Test func aCosignerHeldAlreadyIsSignedNotCreated() async throws {
        let fixture = try WebFixture()
        let store = try Store.open(at: fixture.path)
        let lead = try store.organisation(matching: "DAFOH")
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let form = [
                "organisation": lead.id.description, "name": "Doctors", "contactName": "Torsten Trey",
                "contactTitle": "Executive Director", "contactConsent": "yes", "status": "signed", "consent": "yes",
            ]
            let response = try await session.post(client, "/statements/\(fixture.statement)/cosigners", form)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasSuffix("?done=cosignerAdded") == true)
        }
        #expect(try store.organisations().count == 3)
        #expect(try store.contacts(of: lead.id).map(\.fullName) == ["Torsten Trey"])
        // The write is a change like any CLI edit, so it syncs.
        #expect(try store.history(of: .contact, try store.contacts(of: lead.id)[0].id.description).count == 1)
    }

    @Test func aContactWhoMayBeThePersonAtRiskIsMarkedAtRisk() async throws {
        let fixture = try WebFixture()
        let store = try Store.open(at: fixture.path)
        let cap = try store.organisation(matching: "CAP")
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let form = [
                "organisation": cap.id.description, "name": "CAP", "contactName": "L. H.",
                "contactEmail": "L.Humenuc@SIRDO.example", "contactConsent": "yes", "consent": "yes",
            ]
            let response = try await session.post(client, "/statements/\(fixture.statement)/cosigners", form)
            #expect(response.headers[.location]?.hasSuffix("?done=cosignerAddedAtRisk") == true)
            let coalition = try await session.get(
                client,
                "/exports/download?format=csv&audience=coalition&scope=statement:\(fixture.statement)"
            )
            #expect(!String(buffer: coalition.body).lowercased().contains("l.humenuc@sirdo.example"))
        }
        let added = try #require(try store.contacts(of: cap.id).first { $0.fullName == "L. H." })
        #expect(added.atRisk)
    }

    @Test func publishingNeedsConfirmationForOlderWordings() async throws {
        let fixture = try WebFixture()
        let store = try Store.open(at: fixture.path)
        var statement = try #require(try store.statement(fixture.statement))
        statement.body = "We call on states, again."
        try store.update(statement)
        statement.status = .closed
        try store.update(statement)
        let before = try fixture.dump()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let path = "/statements/\(fixture.statement)/status"
            let refused = try await session.post(client, path, ["status": "published", "place": "Geneva"])
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("signed an older wording"))
            #expect(try fixture.dump() == before)
            let published = try await session.post(
                client,
                path,
                ["status": "published", "place": "Geneva", "date": "2026-07-30", "confirmOlderWordings": "yes"]
            )
            #expect(published.status == .seeOther)
        }
        let record = try #require(try store.statement(fixture.statement)?.publication)
        #expect(record.place == "Geneva")
        #expect(record.date.description == "2026-07-30")
    }

    @Test func anImportIsPreviewedThenConfirmedOnce() async throws {
        let fixture = try WebFixture()
        let csv = """
            Organisation,Acronym,Country,Contact name,Email,Consent
            Association des Droits de l'Homme,ADH,FR,Marie Dupont,m.dupont@adh.example,yes
            CAP Liberté de Conscience,CAP,FR,Thierry Valle,t.valle@cap-lc.example,yes

            """
        let before = try fixture.dump()
        let clock = try fixture.clockReading()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let preview = try await Self.upload(csv, session: session, client: client, statement: fixture.statement)
            #expect(preview.status == .ok)
            let html = String(buffer: preview.body)
            #expect(html.contains("Preview: nothing written yet"))
            #expect(html.contains("matched"))
            #expect(try fixture.dump() == before)
            #expect(try fixture.clockReading() == clock, "the preview moved the office's clock")
            let upload = try #require(Self.uploadID(in: html))
            let path = "/statements/\(fixture.statement)/import/confirm"
            let done = try await session.post(client, path, ["upload": upload])
            #expect(String(buffer: done.body).contains("1 created, 1 matched"))
            let again = try await session.post(client, path, ["upload": upload])
            #expect(again.status == .badRequest, "an upload is imported once")
        }
        let store = try Store.open(at: fixture.path)
        #expect(try store.organisations().count == 4)
    }

    @Test func aBadUploadIsRefusedAndWritesNothing() async throws {
        let fixture = try WebFixture()
        let before = try fixture.dump()
        try await fixture.withApp(maximumUploadBytes: 1_024) { client in
            let session = try await SignedIn.signIn(client)
            let rejected = "Organisation,Country,Consent\nX,ZZZZ,maybe\n"
            let preview = try await Self.upload(
                rejected,
                session: session,
                client: client,
                statement: fixture.statement
            )
            let html = String(buffer: preview.body)
            #expect(html.contains("would be rejected"))
            #expect(Self.uploadID(in: html) == nil, "no confirmation is offered")
            let large = "Organisation,Consent\n" + String(repeating: "Some organisation,yes\n", count: 100)
            let tooLarge = try await Self.upload(large, session: session, client: client, statement: fixture.statement)
            #expect(tooLarge.status == .contentTooLarge)
            let forged = try await Self.upload(
                "Organisation,Consent\nX,yes\n",
                session: session,
                client: client,
                statement: fixture.statement,
                csrf: String(repeating: "c", count: 64)
            )
            #expect(forged.status == .forbidden)
            let noFile = try await client.execute(
                uri: "/statements/\(fixture.statement)/import",
                method: .post,
                headers: [
                    .cookie: session.cookie, .origin: WebFixture.origin,
                    .contentType: "multipart/form-data; boundary=b",
                ],
                body: ByteBuffer(
                    string: "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(session.csrf)\r\n--b--\r\n"
                )
            )
            #expect(noFile.status == .badRequest)
            #expect(String(buffer: noFile.body).contains("Choose a CSV file"))
        }
        #expect(try fixture.dump() == before)
    }

    @Test func duplicatesMergeFromTheSyncPage() async throws {
        let fixture = try WebFixture()
        let store = try Store.open(at: fixture.path)
        let twin = Organisation(name: "CAP LC", acronym: "cap", country: try CountryCode("FR"))
        try store.insert(twin)
        let cap = try #require(try store.organisations().first { $0.name == "CAP Liberté de Conscience" })
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let page = String(buffer: try await session.get(client, "/sync").body)
            #expect(page.contains("same acronym"))
            let merged = try await session.post(
                client,
                "/duplicates/merge",
                ["keep": cap.id.description, "duplicate": twin.id.description]
            )
            #expect(merged.status == .seeOther)
        }
        #expect(try store.organisation(twin.id) == nil)
        #expect(try store.duplicatePairs().isEmpty)
    }

    static func upload(
        _ csv: String,
        session: SignedIn,
        client: any TestClientProtocol,
        statement: ID<JointStatement>,
        csrf: String? = nil
    ) async throws -> TestResponse {
        let boundary = "----signatory-test-boundary"
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="csrf"\r
            \r
            \(csrf ?? session.csrf)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="sign-on.csv"\r
            Content-Type: text/csv\r
            \r
            \(csv)\r
            --\(boundary)--\r

            """
        return try await client.execute(
            uri: "/statements/\(statement)/import",
            method: .post,
            headers: [
                .cookie: session.cookie, .origin: WebFixture.origin,
                .contentType: "multipart/form-data; boundary=\(boundary)",
            ],
            body: ByteBuffer(string: body)
        )
    }

    static func uploadID(in html: String) -> String? {
        guard let range = html.range(of: #"name="upload" value="([0-9a-f]{64})""#, options: .regularExpression) else {
            return nil
        }
        return String(html[range].dropFirst(21).prefix(64))
    }
}
