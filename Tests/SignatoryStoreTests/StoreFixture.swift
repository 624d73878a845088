import Foundation
import SignatoryDomain
import SignatoryStore
import TestSupport

/// A fresh database in its own folder, with the organisations of the reference statement.
final class StoreFixture {
    let folder: TemporaryDirectory
    let path: String
    let store: Store

    init() throws {
        self.folder = try TemporaryDirectory()
        self.path = self.folder.path("office.db")
        self.store = try Store.create(at: self.path, office: Office(name: "Geneva", createdAt: Date()))
    }

    @discardableResult
    func addOrganisation(
        _ name: String,
        acronym: String?,
        country: String = "FR",
        ecosoc: ECOSOCCategory = .special
    ) throws -> Organisation {
        let organisation = Organisation(name: name, acronym: acronym, country: try CountryCode(country), ecosoc: ecosoc)
        try self.store.insert(organisation)
        return organisation
    }

    func addOpenStatement(lead: Organisation? = nil) throws -> JointStatement {
        let campaign = Campaign(name: "World Day against Trafficking in Persons", status: .active)
        try self.store.insert(campaign)
        var statement = JointStatement(
            campaignID: campaign.id,
            title: "No one left behind",
            body: "We call on states.",
            language: try LanguageTag("en"),
            leadOrganisationID: lead?.id
        )
        try self.store.insert(statement)
        statement.status = .open
        try self.store.update(statement)
        return statement
    }
}
