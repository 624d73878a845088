import Foundation
import TestSupport
import Testing

struct EndToEndTests {
    @Test func referenceStatementRendersWithItsSignatoryBlock() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        let result = try office.run(["statement", "render", ids.statement])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == Self.referenceRendering)
    }

    /// The reference statement as `statement render` prints it once CAP and SIRDO signed.
    static let referenceRendering = """
        No one left behind

        We ask states to end trafficking for organs.

        Doctors Against Forced Organ Harvesting (DAFOH)
        Contact: Dr. Torsten Trey, Executive Director

        Joint statement with:

        Co-signed by 2 organisations from 2 countries.

        CAP Liberté de Conscience (CAP), NGO with special United Nations Consultative Status
        Contact: Thierry Valle, Director

        Romanian Independent Society of Human Rights (SIRDO), NGO with special United Nations Consultative Status
        Contact: Lucica Humenuc, Director

        """

    @Test func withdrawnDeclinedAtRiskAndUnconsentedStayOutOfTheBlock() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.signReferenceStatement(ids)
        try office.succeed(["contact", "edit", ids.valle, "--at-risk"])
        try office.succeed(["sign", "--statement", ids.statement, "--org", "SIRDO", "--status", "withdrawn"])
        let other = try office.succeed(["org", "add", "--name", "Quiet Partners", "--country", "KE"])
        try office.succeed(["sign", "--statement", ids.statement, "--org", other, "--no-consent"])
        let text = try office.succeed(["statement", "render", ids.statement])
        #expect(text.contains("CAP Liberté de Conscience (CAP), NGO with special United Nations Consultative Status"))
        #expect(!text.contains("Thierry Valle"))
        #expect(!text.contains("SIRDO"))
        #expect(!text.contains("Quiet Partners"))
        #expect(text.contains("Co-signed by 1 organisation from 1 country."))
    }

    @Test func signaturesOnAnOlderWordingAreFlaggedOnStandardError() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["sign", "--statement", ids.statement, "--org", "CAP"])
        try office.succeed([
            "statement", "edit", ids.statement, "--body", "We ask all states to end trafficking for organs.",
        ])
        let render = try office.run(["statement", "render", ids.statement])
        #expect(render.status == 0)
        #expect(render.stderr.contains("CAP Liberté de Conscience (CAP) signed an older wording"))
        let signatures = try #require(
            try office.json(["signatures", "--statement", ids.statement]) as? [[String: Any]]
        )
        #expect(signatures.count == 1)
        #expect(signatures[0]["onCurrentText"] as? Bool == false)
        let show = try #require(try office.json(["statement", "show", ids.statement]) as? [String: Any])
        #expect((show["texts"] as? [Any])?.count == 2)
    }

    @Test func addPrintsTheIdAndJSONHasTheDocumentedKeys() throws {
        let office = try OfficeFixture()
        let added = try #require(
            try office.json(["org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP"]) as? [String: Any]
        )
        let id = try #require(added["id"] as? String)
        #expect(UUID(uuidString: id) != nil)
        let list = try #require(try office.json(["org", "list"]) as? [[String: Any]])
        #expect(
            Set(list[0].keys) == [
                "id", "name", "acronym", "country", "website", "ecosoc", "ecosocYear", "standing", "icsoNumber",
                "notes",
            ]
        )
        #expect(list[0]["id"] as? String == id)
        #expect(list[0]["country"] is NSNull)
        let contact = try office.succeed([
            "contact", "add", "--org", "CAP", "--name", "Thierry Valle", "--email", "valle@example.org",
        ])
        let shown = try #require(try office.json(["contact", "show", contact]) as? [String: Any])
        #expect(
            Set(shown.keys) == [
                "id", "organisationId", "fullName", "title", "email", "phone", "language", "atRisk", "consentToPublish",
                "likeOneAtRisk",
            ]
        )
        #expect(shown["organisationId"] as? String == id)
    }

    @Test func acronymsAndIdPrefixesWorkAsIds() throws {
        let office = try OfficeFixture()
        let id = try office.succeed([
            "org", "add", "--name", "Romanian Independent Society of Human Rights", "--acronym", "SIRDO",
        ])
        let byAcronym = try #require(try office.json(["org", "show", "sirdo"]) as? [String: Any])
        let byPrefix = try #require(try office.json(["org", "show", String(id.prefix(6))]) as? [String: Any])
        #expect(byAcronym["id"] as? String == id)
        #expect(byPrefix["id"] as? String == id)
    }

    @Test func editSetsAndClearsFields() throws {
        let office = try OfficeFixture()
        try office.succeed([
            "org", "add", "--name", "CAP Liberté de Conscience", "--acronym", "CAP", "--website", "example.org",
        ])
        try office.succeed([
            "org", "edit", "CAP", "--website", "", "--ecosoc", "special", "--ecosoc-year", "2006", "--country", "fr",
            "--icso-number", "# 004 281",
        ])
        let shown = try #require(try office.json(["org", "show", "CAP"]) as? [String: Any])
        #expect(shown["icsoNumber"] as? String == "4281")
        #expect(shown["website"] is NSNull)
        #expect(shown["ecosoc"] as? String == "special")
        #expect(shown["ecosocYear"] as? Int == 2006)
        #expect(shown["country"] as? String == "FR")
    }

    @Test func theDatabaseComesFromTheEnvironmentOrTheWorkingFolder() throws {
        let folder = try TemporaryDirectory()
        let fromEnvironment = folder.path("env.db")
        let initialised = try SignatoryExecutable.run(
            ["init", "--office", "Bucharest"],
            environment: ["SIGNATORY_DB": fromEnvironment]
        )
        #expect(initialised.status == 0)
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
        let local = try SignatoryExecutable.run(["init", "--office", "Paris"], in: folder.url)
        #expect(local.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("signatory.db")))
    }

    @Test func removingAnOrganisationNeedsForceWhenItHasContacts() throws {
        let office = try OfficeFixture()
        let ids = try office.addReferenceStatement()
        try office.succeed(["sign", "--statement", ids.statement, "--org", "CAP"])
        let message = try office.refuse(["org", "remove", "CAP"])
        #expect(message.contains("has 1 contact(s) and 1 signature(s); add --force"))
        try office.succeed(["org", "remove", "CAP", "--force", "--yes"])
        #expect(try office.refuse(["org", "show", "CAP"]).contains("no organisation matches 'CAP'"))
        #expect((try office.json(["signatures", "--statement", ids.statement]) as? [Any])?.isEmpty == true)
    }
}
