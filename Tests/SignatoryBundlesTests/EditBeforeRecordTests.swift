import Foundation
import SignatoryBundles
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

/// An edit relayed by one office may reach another before the change that created its record:
/// the hub sends an office only the feeds it trusts, and recovery takes in other feeds before
/// the office's own. The record stays hidden until it is created, and nothing is refused.
struct EditBeforeRecordTests {
    @Test func editsOfRecordsNotYetCreatedWaitForTheirRecords() throws {
        let fixture = try SyncFixture(offices: 3)
        let (geneva, bucharest, paris) = (fixture.offices[0], fixture.offices[1], fixture.offices[2])
        var organisation = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
        try geneva.insert(organisation)
        let campaign = Campaign(name: "World Day against Trafficking in Persons")
        try geneva.insert(campaign)
        try fixture.send(from: geneva, to: bucharest)
        organisation.website = try Website("capliberte.org")
        try bucharest.update(organisation)
        var renamed = campaign
        renamed.name = "World Day against Trafficking in Persons 2026"
        try bucharest.update(renamed)
        try bucharest.insert(ContactPerson(organisationID: organisation.id, fullName: "Thierry Valle"))

        try fixture.sendOwnFeed(from: bucharest, to: paris)
        #expect(try paris.organisations().isEmpty)
        #expect(try paris.contacts().isEmpty)
        // The rename carries the campaign's name, so the campaign shows with what is known of it.
        #expect(try paris.campaigns().map(\.name) == [renamed.name])

        try fixture.sendOwnFeed(from: geneva, to: paris)
        #expect(try paris.organisation(organisation.id)?.website == organisation.website)
        #expect(try paris.contacts().map(\.fullName) == ["Thierry Valle"])
        #expect(try paris.campaigns().map(\.name) == [renamed.name])
        #expect(try paris.canonicalDump() == bucharest.canonicalDump())
    }

    /// A rename and a move relayed before the contact's creation carry a name and an
    /// organisation but not whether the person is at risk: the contact waits for its creation.
    @Test func aContactEditedElsewhereWaitsForItsAtRiskFlag() throws {
        let fixture = try SyncFixture(offices: 3)
        let (geneva, bucharest, paris) = (fixture.offices[0], fixture.offices[1], fixture.offices[2])
        let cap = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
        try geneva.insert(cap)
        let person = ContactPerson(organisationID: cap.id, fullName: "Thierry Valle", atRisk: true)
        try geneva.insert(person)
        try fixture.send(from: geneva, to: bucharest)
        let sirdo = Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO")
        try bucharest.insert(sirdo)
        var moved = person
        moved.organisationID = sirdo.id
        moved.fullName = "Thierry Valle-Smith"
        try bucharest.update(moved)

        try fixture.sendOwnFeed(from: bucharest, to: paris)
        #expect(try paris.contacts().isEmpty)
        try fixture.sendOwnFeed(from: geneva, to: paris)
        #expect(try paris.contact(person.id)?.atRisk == true)
        #expect(try paris.canonicalDump() == bucharest.canonicalDump())
    }
}
