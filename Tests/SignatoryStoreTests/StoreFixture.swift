import Foundation
import SignatoryDomain
import SignatoryStore
import StoreTestSupport
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

    /// CAP (France) and SIRDO (Romania), two co-signers of the reference statement.
    func addCAPAndSIRDO() throws -> (cap: Organisation, sirdo: Organisation) {
        let cap = try self.addOrganisation("CAP Liberté de Conscience", acronym: "CAP")
        return (
            cap,
            try self.addOrganisation("Romanian Independent Society of Human Rights", acronym: "SIRDO", country: "RO")
        )
    }

    func addOpenStatement(lead: Organisation? = nil) throws -> JointStatement {
        try self.store.addOpenStatement(lead: lead).statement
    }
}
