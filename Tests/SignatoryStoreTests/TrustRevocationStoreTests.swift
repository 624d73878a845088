import Foundation
import SignatoryDomain
import SignatoryStore
import TestSupport
import Testing

struct TrustRevocationStoreTests {
    /// A hub's operator who runs `office revoke` instead of `hub revoke` shuts the office out of
    /// the hub as well: trusted no more, it must not go on reading contacts through it.
    @Test func revokingTrustOnAHubEndsTheEnrolmentToo() throws {
        let folder = try TemporaryDirectory()
        let hub = try Store.create(at: folder.path("hub.db"), office: Office(name: "Hub", createdAt: Date()))
        let bucharest = try Store.create(
            at: folder.path("bucharest.db"),
            office: Office(name: "Bucharest", createdAt: Date())
        )
        let paris = try Store.create(at: folder.path("paris.db"), office: Office(name: "Paris", createdAt: Date()))
        try hub.enrol(try bucharest.officeCard(), audience: .internal)
        try hub.enrol(try paris.officeCard(), audience: .internal)
        let at = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(try hub.revokeTrust(in: bucharest.office.id, now: at).after == 0)
        #expect(try hub.hubMember(bucharest.office.id)?.revokedAt == at)
        #expect(try hub.hubMember(paris.office.id)?.isRevoked == false)
        // Revoking again keeps the first moment.
        try hub.revokeTrust(in: bucharest.office.id, now: at.addingTimeInterval(60))
        #expect(try hub.hubMember(bucharest.office.id)?.revokedAt == at)
        // Its card enrolled again does not let it back in (hostile review 65).
        let error = #expect(throws: StoreError.self) {
            try hub.enrol(try bucharest.officeCard(), audience: .coalition)
        }
        #expect(error?.code == .enrolmentOfRevoked)
        #expect(try hub.hubMember(bucharest.office.id)?.revokedAt == at)
        #expect(try hub.hubMember(bucharest.office.id)?.audience == .internal)
        // An enrolment an earlier release left open after `office revoke` ends when it is run again.
        try hub.database.prepare("UPDATE hub_member SET revoked_at = NULL").run()
        // Whatever its enrolment says, an office no longer trusted is not served.
        #expect(try hub.hubMember(bucharest.office.id)?.revokedAt == at)
        #expect(try hub.hubMembers().filter(\.isRevoked).map(\.card.id) == [bucharest.office.id])
        let later = at.addingTimeInterval(120)
        #expect(try hub.revokeTrust(in: bucharest.office.id, now: later).after == 0)
        #expect(try hub.hubMember(bucharest.office.id)?.revokedAt == later)
    }

    /// A revocation made by the release before schema 13 is kept on upgrade, naming no hash; and
    /// a position beyond what is held is taken only with the hash of its change.
    @Test func aRevocationOfSchemaTwelveIsKeptAndANewOneBeyondTheHeldNamesAHash() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("geneva.db")
        let geneva = try Store.create(at: path, office: Office(name: "Geneva", createdAt: Date()))
        let offices = try ["Bucharest", "Cairo"].map {
            try Store.create(at: folder.path("\($0).db"), office: Office(name: $0, createdAt: Date()))
        }
        for office in offices { try geneva.trust(try office.officeCard()) }
        let (bucharest, cairo) = (offices[0].office.id, offices[1].office.id)
        try geneva.revokeTrust(in: bucharest, now: Date(timeIntervalSince1970: 1_796_000_000))
        try geneva.database.execute(TableRebuildMigrationTests.withoutSchemaThirteen + "PRAGMA user_version = 12")
        let upgraded = try Store.open(at: path)
        let kept = try #require(try upgraded.trustRevocation(of: bucharest))
        #expect(kept.after == 0 && kept.hash == nil && kept.at == Date(timeIntervalSince1970: 1_796_000_000))

        let error = #expect(throws: StoreError.self) { try upgraded.revokeTrust(in: cairo, after: 3) }
        #expect(error?.code == .revocationNeedsHash)
        #expect(try upgraded.trustRevocation(of: cairo) == nil)
        let hash = String(repeating: "ab", count: 32)
        let plan = try upgraded.revokeTrust(in: cairo, after: 3, hash: hash)
        #expect(plan.held == 0 && plan.after == 3 && plan.hash == hash)
        #expect(try upgraded.trustRevocation(of: cairo)?.hash == hash)
        // Given again without a position, it stays as it is, hash and all.
        #expect(try upgraded.planRevocation(of: cairo).changesNothing)
        #expect(try upgraded.revokeTrust(in: cairo).hash == hash)
    }

    /// Schema 14 keeps each decision in an index too, so that a row brought back as it was before
    /// the revocation disagrees with it (`TrustRevocationTests` and `OfficeRecoverCommandTests`
    /// damage such a page); an upgraded file gets the indexes, its revocations whole.
    @Test func anUpgradeToSchemaFourteenKeepsEachRevocationInAnIndexTheTableIsCheckedAgainst() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("geneva.db")
        let geneva = try Store.create(at: path, office: Office(name: "Geneva", createdAt: Date()))
        let bucharest = try Store.create(at: folder.path("b.db"), office: Office(name: "Bucharest", createdAt: Date()))
        try geneva.trust(try bucharest.officeCard())
        try geneva.revokeTrust(in: bucharest.office.id, now: Date(timeIntervalSince1970: 1_796_000_000))
        try geneva.database.execute(TableRebuildMigrationTests.withoutSchemaFourteen + "PRAGMA user_version = 13")
        let upgraded = try Store.open(at: path)
        #expect(try upgraded.trustRevocation(of: bucharest.office.id)?.after == 0)
        let indexes = try upgraded.database.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_decision' ORDER BY name"
        ).rows { $0.text(0) }
        #expect(indexes == ["hub_member_decision", "trusted_office_decision"])
        #expect(try upgraded.database.prepare("PRAGMA integrity_check(trusted_office)").rows { $0.text(0) } == ["ok"])
    }
}
