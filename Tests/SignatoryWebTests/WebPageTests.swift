import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignatoryDomain
import SignatoryStore
import Testing

@testable import SignatoryWeb

/// What the pages show, and to whom: the person at risk, the policy headers, the language.
struct WebPageTests {
    @Test func noSharedPageOrSheetShowsThePersonAtRisk() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let printable = String(buffer: try await session.get(client, "/statements/\(fixture.statement)/print").body)
            #expect(printable.contains("Thierry Valle"), "the negative control: consenting contacts are named")
            for audience in ["coalition", "public"] {
                for format in ["csv", "google-csv", "outlook-csv", "vcard", "vcard3", "markdown", "html"] {
                    let sheet = try await session.get(
                        client,
                        "/exports/download?format=\(format)&audience=\(audience)&scope=statement:\(fixture.statement)"
                    )
                    #expect(sheet.status == .ok)
                    #expect(sheet.headers[.contentDisposition]?.hasPrefix("attachment") == true)
                    for value in WebFixture.atRisk {
                        #expect(!String(buffer: sheet.body).contains(value), "\(audience) \(format) shows \(value)")
                    }
                }
            }
            for value in WebFixture.atRisk {
                #expect(!printable.contains(value), "the printable page shows \(value)")
            }
            // The internal page names the person, marked, so the coordinator knows.
            let ownPage = String(buffer: try await session.get(client, "/statements/\(fixture.statement)").body)
            #expect(ownPage.contains("Lucica Humenuc</bdi> <strong class=\"risk-mark\">AT RISK</strong>"))
            let internalSheet = try await session.get(client, "/exports/download?format=csv&audience=internal")
            #expect(String(buffer: internalSheet.body).contains("Lucica Humenuc"))
            let sheets = String(
                buffer: try await session.get(client, "/exports?scope=statement:\(fixture.statement)").body
            )
            #expect(sheets.contains("1 left out: 1 at risk"))
        }
    }

    @Test func everyPageHasTheStrictPolicyAndNoInlineScript() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let statement = fixture.statement
            let pages = [
                "/", "/campaigns/\(fixture.campaign)", "/statements/\(statement)", "/statements/\(statement)/print",
                "/statements/\(statement)/cosigners/new?name=CAP", "/statements/\(statement)/import", "/exports",
                "/sync", "/no-such-page", "/statements/not-an-id",
            ]
            for page in pages {
                let response = try await session.get(client, page)
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(page)")
                #expect(policy.contains("default-src 'self'") && policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                let html = String(buffer: response.body)
                #expect(html.range(of: "<script(?![^>]*\\bsrc=)", options: .regularExpression) == nil, "\(page)")
                #expect(!html.contains(" style=\""), "\(page) has an inline style, which the policy blocks")
                #expect(html.contains("<html lang=\"en\">"), "\(page)")
            }
            #expect(try await session.get(client, "/no-such-page").status == .notFound)
        }
    }

    @Test func theInterfaceSpeaksFrenchWhenTheBrowserAsks() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let page = try await session.get(
                client,
                "/statements/\(fixture.statement)",
                headers: [.acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.8"]
            )
            let html = String(buffer: page.body)
            #expect(html.contains("<html lang=\"fr\">"))
            #expect(html.contains("Ajouter un cosignataire"))
            #expect(html.contains("EN DANGER"))
        }
    }

    @Test func theTableFiltersAndSortsCosigners() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let filtered = String(
                buffer: try await session.get(client, "/statements/\(fixture.statement)?q=liberte+de").body
            )
            #expect(filtered.contains("Co-signers (1 / 2)"))
            // The block above lists every co-signer; the table lists only the match.
            let table = try #require(
                filtered.components(separatedBy: "id=\"cosigner-table\"").last?.components(separatedBy: "</table>")
                    .first
            )
            #expect(table.contains("CAP Liberté de Conscience"))
            #expect(!table.contains("Romanian Independent Society"))
            let none = String(buffer: try await session.get(client, "/statements/\(fixture.statement)?q=nobody").body)
            #expect(none.contains("Co-signers (0 / 2)") && none.contains("No co-signer matches."))
            let byCountry = String(
                buffer: try await session.get(client, "/statements/\(fixture.statement)?sort=country").body
            )
            let france = try #require(byCountry.range(of: "<td>FR</td>"))
            let romania = try #require(byCountry.range(of: "<td>RO</td>"))
            #expect(france.lowerBound < romania.lowerBound)
        }
    }

    @Test func valuesAreEscapedNeverMarkup() async throws {
        let fixture = try WebFixture()
        try await fixture.withApp { client in
            let session = try await SignedIn.signIn(client)
            let page = try await session.get(
                client,
                "/statements/\(fixture.statement)/cosigners/new?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22"
            )
            let html = String(buffer: page.body)
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"))
        }
    }
}
