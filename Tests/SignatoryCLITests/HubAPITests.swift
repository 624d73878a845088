import Foundation
import SignatoryHub
import TestSupport
import Testing

struct HubAPITests {
    @Test func theOpenAPIDocumentValidatesAndNamesEveryRoute() async throws {
        let document = packageRoot.appendingPathComponent("Schema/openapi.json")
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = [
            "python3", "-c",
            "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1])))",
            document.path,
        ]
        try validator.run()
        validator.waitUntilExit()
        #expect(validator.terminationStatus == 0, "Schema/openapi.json is not a valid OpenAPI 3.1 document")

        let spec = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: document)) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let office = try OfficeFixture()
        let routes = try HubServer(configuration: HubConfiguration(databasePath: office.database)).routes
        let registered = Set(routes.map { "\($0.method) \($0.path)" })
        #expect(
            registered.subtracting(documented).isEmpty,
            "routes missing from the document: \(registered.subtracting(documented))"
        )
        #expect(
            documented.subtracting(registered).isEmpty,
            "documented routes the hub lacks: \(documented.subtracting(registered))"
        )

        // The hub serves the same document.
        let fixture = try HubFixture(offices: ["Geneva"])
        let served = try await HubHTTP(base: fixture.url).send("GET", "/openapi.json", as: nil)
        #expect(served.status == 200)
        #expect(NSDictionary(dictionary: try #require(served.json)) == NSDictionary(dictionary: spec))
    }

    /// Only an internal office learns that a contact was erased (410); to the others no such
    /// contact exists, as for a contact at risk.
    @Test func onlyInternalOfficesLearnThatAContactWasErased() async throws {
        let fixture = try HubFixture.withEveryAudience()
        let geneva = fixture.offices[0]
        let ids = try geneva.addReferenceStatement()
        try fixture.syncNow(geneva)
        try geneva.succeed(["contact", "erase", ids.humenuc, "--reason", "asked to be forgotten", "--yes"])
        try fixture.syncNow(geneva)
        let http = HubHTTP(base: fixture.url)
        let staff = try await http.send("GET", "/v1/contacts/\(ids.humenuc)", as: try .office(at: geneva.database))
        #expect(staff.status == 410 && staff.code == "erased", "\(staff.status)")
        for office in fixture.offices.dropFirst() {
            let answer = try await http.send("GET", "/v1/contacts/\(ids.humenuc)", as: try .office(at: office.database))
            #expect(answer.status == 404, "\(answer.status)")
            #expect(!String(decoding: answer.body, as: UTF8.self).contains("erased"))
        }
    }

    @Test func eachOfficeReadsWhatItsAudienceAllows() async throws {
        let fixture = try HubFixture.withEveryAudience()
        let geneva = fixture.offices[0]
        let ids = try geneva.addReferenceStatement()
        try geneva.succeed(["sign", "--statement", ids.statement, "--org", "CAP", "--contact", ids.valle])
        try geneva.succeed([
            "sign", "--statement", ids.statement, "--org", "SIRDO", "--contact", ids.humenuc, "--no-consent",
        ])
        try geneva.succeed(["contact", "edit", ids.valle, "--at-risk", "--email", "valle@cap.example"])
        try geneva.succeed(["org", "edit", "CAP", "--notes", "Valle asked to be called on Signal only"])
        try fixture.syncNow(geneva)
        let http = HubHTTP(base: fixture.url)
        let (staff, coalition, press) = (
            try HubHTTP.Signer.office(at: geneva.database),
            try HubHTTP.Signer.office(at: fixture.offices[1].database),
            try HubHTTP.Signer.office(at: fixture.offices[2].database)
        )

        let staffContacts = try await http.send("GET", "/v1/contacts?statement=\(ids.statement)", as: staff)
        #expect(
            staffContacts.status == 200 && String(decoding: staffContacts.body, as: UTF8.self).contains("Thierry Valle")
        )
        for signer in [coalition, press] {
            for target in [
                "/v1/contacts", "/v1/contacts?statement=\(ids.statement)", "/v1/exports/contacts?format=vcard",
                "/v1/exports/contacts?campaign=\(ids.campaign)&format=html",
            ] {
                let answer = try await http.send("GET", target, as: signer)
                #expect(answer.status == 200)
                let text = String(decoding: answer.body, as: UTF8.self)
                #expect(
                    !text.contains("Valle") && !text.contains("valle@cap.example"),
                    "\(target) shows the contact at risk"
                )
            }
            #expect(try await http.send("GET", "/v1/contacts/\(ids.valle)", as: signer).status == 404)
            #expect(try await http.send("GET", "/v1/contacts/\(ids.valle.prefix(6))", as: signer).status == 404)
            let statement = try await http.send("GET", "/v1/statements/\(ids.statement)", as: signer)
            #expect(!String(decoding: statement.body, as: UTF8.self).contains(ids.valle))
            #expect(try await http.send("GET", "/v1/conflicts", as: signer).status == 403)
            // Internal notes are for internal readers, in lists and single records alike.
            for target in ["/v1/organisations", "/v1/organisations/CAP", "/v1/statements/\(ids.statement)"] {
                let answer = try await http.send("GET", target, as: signer)
                #expect(
                    answer.status == 200 && !String(decoding: answer.body, as: UTF8.self).contains("Signal"),
                    "\(target) shows notes"
                )
            }
            #expect(try await http.send("GET", "/v1/exports/contacts?audience=internal", as: signer).status == 403)
            // Feeds carry everything, contacts at risk included: only internal offices sync.
            #expect(
                try await http.send("POST", "/v1/sync/pull", body: Data("{\"have\": {}}".utf8), as: signer).status
                    == 403
            )
            #expect(try await http.send("GET", "/v1/sync/vector", as: signer).status == 403)
        }
        #expect(
            try await http.send("POST", "/v1/sync/pull", body: Data("{\"have\": {}}".utf8), as: staff).status == 200
        )
        #expect(try await http.send("GET", "/v1/contacts/\(ids.valle)", as: staff).json?["atRisk"] as? Bool == true)
        #expect(try await http.send("GET", "/v1/conflicts", as: staff).status == 200)
        #expect(
            try await http.send("GET", "/v1/organisations/CAP", as: staff).json?["notes"] as? String
                == "Valle asked to be called on Signal only"
        )

        // The public sees the organisations that signed with consent, and no contact details.
        let statement = try await http.send("GET", "/v1/statements/\(ids.statement)", as: press)
        let signatures = try #require(statement.json?["signatures"] as? [[String: Any]])
        #expect(signatures.map { $0["organisationName"] as? String } == ["CAP Liberté de Conscience"])
        let organisations = try #require(try await http.send("GET", "/v1/organisations", as: press).array)
        #expect(organisations.map { $0["acronym"] as? String } == ["CAP"])
        #expect(try await http.send("GET", "/v1/organisations/SIRDO", as: press).status == 404)
        let sheet = try await http.send("GET", "/v1/exports/contacts?statement=\(ids.statement)&format=csv", as: press)
        // Left out: the contact at risk, the one of an organisation that did not consent, and the
        // lead's, which the public learns of once the statement is published.
        #expect(
            sheet.headers["content-type"]?.hasPrefix("text/csv") == true && sheet.headers["signatory-omitted"] == "3"
        )
        #expect(!String(decoding: sheet.body, as: UTF8.self).contains("Doctors Against"))

        let rendering = try await http.send(
            "GET",
            "/v1/statements/\(ids.statement)/rendering?format=markdown",
            as: coalition
        )
        #expect(
            String(decoding: rendering.body, as: UTF8.self).contains(
                "**CAP Liberté de Conscience (CAP), NGO with special"
            )
        )
        #expect(
            try await http.send("GET", "/v1/statements/\(ids.statement)/rendering?format=pdf", as: coalition).code
                == "invalid_parameter"
        )
        #expect(try await http.send("GET", "/v1/campaigns/ffffffff", as: coalition).code == "not_found")
        let campaigns = try #require(try await http.send("GET", "/v1/campaigns", as: coalition).array)
        #expect(campaigns.count == 1)
        #expect(try await http.send("GET", "/health", as: nil).json?["status"] as? String == "ok")
    }
}
