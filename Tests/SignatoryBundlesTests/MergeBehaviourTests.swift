import Foundation
import SignatoryBundles
import SignatoryDomain
import StoreTestSupport
import TestSupport
import Testing

@testable import SignatoryStore

/// The merge rules, each shown with two offices editing the same record offline.
struct MergeBehaviourTests {
    let fixture: SyncFixture
    let geneva: Store
    let bucharest: Store
    let cap: Organisation

    init() throws {
        (self.fixture, self.geneva, self.bucharest) = try SyncFixture.genevaAndBucharest()
        self.cap = try SyncFixture.cap()
        try self.geneva.insert(self.cap)
        try self.fixture.send(from: self.geneva, to: self.bucharest)
    }

    /// The duplicate and the third organisation the merge tests use, added at Geneva.
    enum Other { case twin, third }

    func insertAtGeneva(_ other: Other) throws -> Organisation {
        let organisation =
            switch other {
            case .twin: Organisation(name: "CAP Liberté de Conscience (Paris)", acronym: "CAP-P")
            case .third: Organisation(name: "Human Rights Without Frontiers", acronym: "HRWF")
            }
        try self.geneva.insert(organisation)
        return organisation
    }

    func exchange() throws {
        try self.fixture.send(from: self.geneva, to: self.bucharest)
        try self.fixture.send(from: self.bucharest, to: self.geneva)
        #expect(try self.geneva.canonicalDump() == self.bucharest.canonicalDump())
    }

    @Test func editsOfDifferentFieldsBothSurvive() throws {
        var here = self.cap
        here.notes = "Met in Geneva"
        try self.geneva.update(here)
        var there = self.cap
        there.website = try Website("example.org/cap")
        try self.bucharest.update(there)
        try self.exchange()
        let merged = try #require(try self.geneva.organisation(self.cap.id))
        #expect(merged.notes == "Met in Geneva")
        #expect(merged.website?.url == "https://example.org/cap")
        #expect(try self.geneva.conflicts().isEmpty)
    }

    @Test func theLaterEditOfOneFieldWinsAndTheOtherStaysAsAConflict() throws {
        self.geneva.clock = { Date().addingTimeInterval(10) }
        self.bucharest.clock = { Date().addingTimeInterval(70) }
        var here = self.cap
        here.notes = "from Geneva"
        try self.geneva.update(here)
        var there = self.cap
        there.notes = "from Bucharest"
        try self.bucharest.update(there)
        try self.exchange()
        #expect(try self.geneva.organisation(self.cap.id)?.notes == "from Bucharest")
        let conflict = try #require(try self.geneva.conflicts().first)
        #expect(
            conflict.field == "notes" && conflict.loser.value == .text("from Geneva") && conflict.rule == "latest wins"
        )
        // Settling it is a change like any other, and both offices agree afterwards.
        try self.bucharest.resolve(conflict, keeping: conflict.loser.value)
        try self.exchange()
        #expect(try self.geneva.organisation(self.cap.id)?.notes == "from Geneva")
        #expect(try self.geneva.conflicts().isEmpty)
    }

    @Test func safetyRulesBeatALaterConcurrentEdit() throws {
        let statement = try self.openStatement()
        let valle = ContactPerson(
            organisationID: self.cap.id,
            fullName: "Thierry Valle",
            atRisk: false,
            consentToPublish: true
        )
        try self.geneva.insert(valle)
        try self.geneva.record(.signed, by: self.cap.id, on: statement, source: .office)
        try self.exchange()
        // Geneva protects; Bucharest, later by the clock and unaware, edits the other way.
        self.geneva.clock = { Date().addingTimeInterval(10) }
        self.bucharest.clock = { Date().addingTimeInterval(600) }
        var protected = valle
        protected.atRisk = true
        protected.consentToPublish = false
        try self.geneva.update(protected)
        try self.geneva.record(.withdrawn, by: self.cap.id, on: statement, source: .office)
        // Bucharest flips both flags and flips them back: its last word is "not at risk, consents".
        var careless = valle
        careless.title = "Director"
        careless.consentToPublish = false
        careless.atRisk = true
        try self.bucharest.update(careless)
        careless.consentToPublish = true
        careless.atRisk = false
        try self.bucharest.update(careless)
        try self.bucharest.record(.pledged, by: self.cap.id, on: statement, source: .office)
        try self.exchange()
        let contact = try #require(try self.bucharest.contact(valle.id))
        #expect(contact.atRisk && !contact.consentToPublish)
        #expect(contact.title == "Director")
        #expect(try self.bucharest.signatures(on: statement.id).first?.status == .withdrawn)
        let rules = Set(try self.bucharest.conflicts().map(\.rule))
        #expect(rules.isSuperset(of: ["yes wins", "no wins", "withdrawn wins"]))
    }

    @Test func aDeletionBeatsAConcurrentEditWhichCanBeRestored() throws {
        let valle = ContactPerson(organisationID: self.cap.id, fullName: "Thierry Valle")
        try self.geneva.insert(valle)
        try self.exchange()
        try self.geneva.removeContact(valle.id)
        var edited = valle
        edited.title = "Director"
        try self.bucharest.update(edited)
        try self.exchange()
        #expect(try self.bucharest.contact(valle.id) == nil)
        let conflict = try #require(try self.bucharest.conflicts().first { $0.field == "title" })
        #expect(conflict.loser.value == .text("Director") || conflict.winner.value == .text("Director"))
        // It stays deleted through any number of further exchanges…
        try self.exchange()
        #expect(try self.geneva.contact(valle.id) == nil)
        // …until a coordinator keeps the edit, which restores the contact everywhere.
        try self.geneva.resolve(conflict, keeping: .text("Director"))
        try self.exchange()
        #expect(try self.bucharest.contact(valle.id)?.title == "Director")
    }

    @Test func aTypedContactMustBeOneOfTheSignaturesOrganisation() throws {
        let statement = try self.openStatement()
        let dafoh = Organisation(name: "Doctors Against Forced Organ Harvesting", acronym: "DAFOH")
        try self.geneva.insert(dafoh)
        let valle = ContactPerson(organisationID: self.cap.id, fullName: "Thierry Valle")
        let press = ContactPerson(organisationID: self.cap.id, fullName: "Press Office")
        let former = ContactPerson(organisationID: self.cap.id, fullName: "Former Director")
        let trey = ContactPerson(organisationID: dafoh.id, fullName: "Torsten Trey")
        for contact in [valle, press, former, trey] { try self.geneva.insert(contact) }
        try self.exchange()
        try self.geneva.record(.signed, by: self.cap.id, on: statement, contact: valle.id, source: .office)
        try self.bucharest.record(.signed, by: self.cap.id, on: statement, contact: press.id, source: .office)
        try self.geneva.removeContact(former.id)
        try self.exchange()
        let conflict = try #require(try self.geneva.conflicts().first { $0.field == "contact" })
        let before = try self.geneva.canonicalDump()
        let feedEnd = try self.geneva.feedEnd(of: self.geneva.office.id).sequence
        // A mistyped id left the signature without a contact at every office.
        let unknown = "11111111-2222-4333-8444-555555555555"
        #expect(throws: StoreError.notFound("contact", reference: unknown)) {
            try self.geneva.resolve(conflict, keeping: .text(unknown))
        }
        #expect(throws: StoreError.notFound("contact", reference: former.id.description)) {
            try self.geneva.resolve(conflict, keeping: .text(former.id.description))
        }
        #expect(throws: StoreError.contactOfAnotherOrganisation(name: "Torsten Trey")) {
            try self.geneva.resolve(conflict, keeping: .text(trey.id.description))
        }
        #expect(try self.geneva.canonicalDump() == before)
        #expect(try self.geneva.feedEnd(of: self.geneva.office.id).sequence == feedEnd)
        #expect(try self.geneva.conflicts().contains { $0.id == conflict.id })
        // One of the organisation's own contacts, neither version, is taken.
        let kennedy = ContactPerson(organisationID: self.cap.id, fullName: "Kennedy")
        try self.geneva.insert(kennedy)
        try self.geneva.resolve(conflict, keeping: .text(kennedy.id.description))
        try self.exchange()
        #expect(try self.bucharest.signatures(on: statement.id).first?.contactID == kennedy.id)
    }

    @Test func removingAnOrganisationTakesWhatWasMergedIntoIt() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        let valle = ContactPerson(organisationID: twin.id, fullName: "Thierry Valle")
        try self.geneva.insert(valle)
        try self.geneva.record(.signed, by: twin.id, on: statement, contact: valle.id, source: .office)
        try self.geneva.record(.signed, by: self.cap.id, on: statement, source: .office)
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        #expect(try self.geneva.contacts(of: self.cap.id).map(\.id) == [valle.id])
        let before = try self.geneva.canonicalDump()
        // It showed a contact and a signature: without cascading it is refused, as any organisation with them.
        #expect(throws: StoreError.organisationHasRecords(contacts: 1, signatures: 1)) {
            try self.geneva.removeOrganisation(self.cap.id, cascade: false)
        }
        #expect(try self.geneva.canonicalDump() == before)
        try self.geneva.removeOrganisation(self.cap.id, cascade: true)
        try self.exchange()
        for office in [self.geneva, self.bucharest] {
            #expect(try office.organisations().isEmpty)
            #expect(try office.contacts().isEmpty && office.signatures(on: statement.id).isEmpty)
            // Nothing is left hidden behind an "organisation deleted" conflict.
            #expect(try office.conflicts().isEmpty)
        }
    }

    @Test func aSignatureRemovedUnderAnotherMergeLeavesNoRow() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        let third = try self.insertAtGeneva(.third)
        try self.geneva.record(.signed, by: twin.id, on: statement, source: .office)
        try self.exchange()
        self.bucharest.clock = { Date().addingTimeInterval(10) }
        self.geneva.clock = { Date().addingTimeInterval(70) }
        // Both merge the twin, Geneva into CAP and later by the clock: its signature shows as CAP's
        // at Geneva, which hears of Bucharest's merge, and as the third organisation's at Bucharest.
        try self.bucharest.mergeOrganisation(twin.id, into: third.id)
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        try self.fixture.send(from: self.bucharest, to: self.geneva)
        #expect(try self.geneva.signatures(on: statement.id).map(\.organisationID) == [self.cap.id])
        // Bucharest, unaware, removes the third organisation with the twin's signature.
        try self.bucharest.removeOrganisation(third.id, cascade: true)
        try self.fixture.send(from: self.bucharest, to: self.geneva)
        #expect(try self.geneva.signatures(on: statement.id).isEmpty)
        try self.exchange()
        #expect(try self.bucharest.signatures(on: statement.id).isEmpty)
    }

    /// An open statement whose lead Geneva sets to CAP while Bucharest, unaware, removes CAP;
    /// not yet exchanged.
    func leadRemovedAtBucharest() throws -> JointStatement {
        var statement = try self.openStatement()
        try self.exchange()
        statement.leadOrganisationID = self.cap.id
        try self.geneva.update(statement)
        try self.bucharest.removeOrganisation(self.cap.id, cascade: false)
        return statement
    }

    @Test func aStatementLedByAnOrganisationDeletedElsewhereNamesNoLead() throws {
        let statement = try self.leadRemovedAtBucharest()
        // Geneva's import of the deletion failed on the statement's row, at every later exchange too.
        try self.exchange()
        for office in [self.geneva, self.bucharest] {
            #expect(try office.organisation(self.cap.id) == nil)
            #expect(try office.statement(statement.id)?.leadOrganisationID == nil)
        }
        // The lead typed meanwhile is listed, as a contact added there would be, and keeping it
        // restores the organisation.
        let conflict = try #require(try self.bucharest.conflicts().first)
        #expect(conflict.record == .statement && conflict.field == "lead")
        #expect(
            conflict.rule == Conflict.organisationDeletedRule && conflict.loser.value == .text(self.cap.id.description)
        )
        try self.bucharest.resolve(conflict, keeping: conflict.loser.value)
        try self.exchange()
        #expect(try self.geneva.statement(statement.id)?.leadOrganisationID == self.cap.id)
        #expect(try self.geneva.conflicts().isEmpty)
    }

    @Test func aLeadKeptAfterItsDeletionCompetesWithALeadNamedMeanwhile() throws {
        let third = try self.insertAtGeneva(.third)
        let statement = try self.leadRemovedAtBucharest()
        try self.exchange()
        self.bucharest.clock = { Date().addingTimeInterval(10) }
        self.geneva.clock = { Date().addingTimeInterval(70) }
        // Bucharest names another lead; Geneva, later and unaware, keeps CAP.
        var elsewhere = try #require(try self.bucharest.statement(statement.id))
        elsewhere.leadOrganisationID = third.id
        try self.bucharest.update(elsewhere)
        let conflict = try #require(try self.geneva.conflicts().first { $0.field == "lead" })
        try self.geneva.resolve(conflict, keeping: conflict.loser.value)
        try self.exchange()
        // The later decision leads, and the other lead is listed rather than gone.
        #expect(try self.bucharest.statement(statement.id)?.leadOrganisationID == self.cap.id)
        let lost = try #require(try self.bucharest.conflicts().first { $0.field == "lead" })
        #expect(lost.loser.value == .text(third.id.description) && lost.rule == "latest wins")
    }

    @Test func aLeadDeletedElsewhereCanBeLetGo() throws {
        let statement = try self.leadRemovedAtBucharest()
        try self.exchange()
        let conflict = try #require(try self.geneva.conflicts().first { $0.field == "lead" })
        // Letting the lead go keeps the statement, naming no lead, and the organisation deleted.
        try self.geneva.resolve(conflict, keeping: conflict.winner.value)
        try self.exchange()
        for office in [self.geneva, self.bucharest] {
            #expect(try office.statement(statement.id)?.title == statement.title)
            #expect(try office.organisation(self.cap.id) == nil)
            #expect(try office.conflicts().isEmpty)
        }
    }

    @Test func mergingTheLeadOrganisationMovesTheLead() throws {
        var statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        statement.leadOrganisationID = twin.id
        try self.geneva.update(statement)
        // The merge failed on the statement's row here, and at an office receiving both changes at once.
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        try self.exchange()
        for office in [self.geneva, self.bucharest] {
            #expect(try office.statement(statement.id)?.leadOrganisationID == self.cap.id)
        }
    }

    @Test func aContactAddedToAnOrganisationDeletedElsewhereIsListedAndCanBeKept() throws {
        try self.geneva.removeOrganisation(self.cap.id, cascade: true)
        let valle = ContactPerson(organisationID: self.cap.id, fullName: "Thierry Valle")
        try self.bucharest.insert(valle)
        try self.exchange()
        #expect(try self.bucharest.contact(valle.id) == nil)
        let conflict = try #require(try self.geneva.conflicts().first { $0.rule == Conflict.organisationDeletedRule })
        #expect(conflict.recordID == valle.id.description)
        // Any other value, an organisation's id included, deleted the contact.
        let before = try self.geneva.canonicalDump()
        let hrwf = try self.insertAtGeneva(.third)
        let withThird = try self.geneva.canonicalDump()
        #expect(withThird != before)
        #expect(throws: StoreError.keepRecordOrDeletion(record: "Thierry Valle")) {
            try self.geneva.resolve(conflict, keeping: .text(hrwf.id.description))
        }
        #expect(try self.geneva.canonicalDump() == withThird)
        try self.geneva.resolve(conflict, keeping: conflict.loser.value)
        try self.exchange()
        #expect(try self.bucharest.organisation(self.cap.id) != nil)
        #expect(try self.bucharest.contact(valle.id)?.fullName == "Thierry Valle")
        #expect(try self.bucharest.conflicts().isEmpty)
    }

    @Test func theSameSignatureRecordedAtTwoOfficesBecomesOne() throws {
        let statement = try self.openStatement()
        try self.exchange()
        try self.geneva.record(.signed, by: self.cap.id, on: statement, source: .office)
        try self.bucharest.record(.signed, by: self.cap.id, on: statement, source: .office)
        try self.exchange()
        #expect(try self.geneva.signatures(on: statement.id).count == 1)
    }

    @Test func duplicatesAreFlaggedAndMergeConvergesWithConcurrentSigning() throws {
        let statement = try self.openStatement()
        let twin = Organisation(name: "Cap Liberte de Conscience.", acronym: "CAP-LC", country: try CountryCode("FR"))
        try self.bucharest.insert(twin)
        try self.exchange()
        let pairs = try self.geneva.duplicatePairs()
        #expect(pairs.count == 1)
        // Geneva merges the twin into CAP while Bucharest, offline, signs for the twin.
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        try self.bucharest.insert(ContactPerson(organisationID: twin.id, fullName: "Thierry Valle"))
        try self.bucharest.record(
            Signature(
                statementID: statement.id,
                organisationID: twin.id,
                status: .signed,
                recordedAt: Date(),
                source: .office
            )
        )
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            #expect(try store.organisation(twin.id) == nil)
            #expect(try store.contacts(of: self.cap.id).map(\.fullName) == ["Thierry Valle"])
            let signatures = try store.signatures(on: statement.id)
            #expect(signatures.map(\.organisationID) == [self.cap.id] && signatures.first?.status == .signed)
            #expect(try store.duplicatePairs().isEmpty)
        }
    }

    /// Names differ across languages and offices; the iCSO number does not.
    @Test func theSameICSONumberFlagsADuplicateWhateverTheName() throws {
        var here = self.cap
        here.icsoNumber = try ICSONumber("4281")
        try self.geneva.update(here)
        let twin = Organisation(
            name: "Coordination des Associations et des Particuliers pour la Liberté de Conscience",
            country: try CountryCode("FR"),
            icsoNumber: try ICSONumber("# 04281")
        )
        try self.bucharest.insert(twin)
        let namesake = Organisation(
            name: "CAP Liberté de Conscience",
            country: try CountryCode("FR"),
            icsoNumber: try ICSONumber("4281")
        )
        try self.bucharest.insert(namesake)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            let pairs = try store.duplicatePairs()
            let reasons = Dictionary(uniqueKeysWithValues: pairs.map { (Set([$0.first, $0.second]), $0.reason) })
            #expect(pairs.count == 3)
            #expect(reasons[Set([self.cap.id, twin.id])] == "same iCSO number (4281)")
            #expect(reasons[Set([twin.id, namesake.id])] == "same iCSO number (4281)")
            #expect(reasons[Set([self.cap.id, namesake.id])] == "same name and country (FR); same iCSO number (4281)")
        }
    }

    @Test func aRelayedFeedVerifiesAndExportsOnlyWhatThePeerLacks() throws {
        let three = try SyncFixture(offices: 3)
        let (a, b, c) = (three.offices[0], three.offices[1], three.offices[2])
        try a.insert(Organisation(name: "CAP Liberté de Conscience", country: try CountryCode("FR")))
        try three.send(from: a, to: b)
        // C never talks to A: A's signed feed reaches it through B.
        let report = try three.send(from: b, to: c)
        #expect(report.applied == 1)
        #expect(try c.organisations().count == 1)
        // Replaying changes nothing; C tells B what it has, so B's next bundle for C is empty.
        let path = try three.bundle(from: b)
        #expect(try BundleImporter(store: c).importBundle(at: path).applied == 0)
        try three.send(from: c, to: b)
        #expect(try three.send(from: b, to: c).alreadyKnown == 0)
        #expect(try BundleFile.read(try three.bundle(from: b, for: c)).count == 1)
    }

    func openStatement() throws -> JointStatement {
        try self.geneva.addOpenStatement().statement
    }
}

extension MergeBehaviourTests {
    @Test func publicationBeatsAConcurrentReopening() throws {
        var statement = try self.openStatement()
        statement.status = .closed
        try self.geneva.update(statement)
        try self.exchange()
        // Geneva publishes; Bucharest, later by the clock and unaware, reopens.
        self.geneva.clock = { Date().addingTimeInterval(10) }
        self.bucharest.clock = { Date().addingTimeInterval(600) }
        var published = statement
        published.status = .published
        try self.geneva.update(published)
        var reopened = statement
        reopened.status = .open
        try self.bucharest.update(reopened)
        try self.exchange()
        #expect(try self.geneva.statement(statement.id)?.status == .published)
        #expect(try self.bucharest.statement(statement.id)?.status == .published)
        let conflict = try #require(
            try self.bucharest.conflicts().first { $0.field == "status" && $0.record == .statement }
        )
        #expect(conflict.winner.value == .text("published") && conflict.loser.value == .text("open"))
    }
}

extension MergeBehaviourTests {
    /// Two offices merge one duplicate into different organisations; the later merge wins, and
    /// the signature row of the losing one is its own signature again, without the duplicate's.
    @Test func aSignatureMovesOnWhenALaterMergeTakesItsOrganisationElsewhere() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        let third = try self.insertAtGeneva(.third)
        try self.geneva.record(.pledged, by: self.cap.id, on: statement, source: .office)
        try self.geneva.record(.signed, by: twin.id, on: statement, source: .office)
        try self.exchange()
        // Geneva merges the twin into CAP, then Bucharest, later by the clock, into HRWF.
        self.geneva.clock = { Date().addingTimeInterval(10) }
        self.bucharest.clock = { Date().addingTimeInterval(600) }
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        #expect(try self.geneva.signatures(on: statement.id).map(\.organisationID) == [self.cap.id])
        try self.bucharest.mergeOrganisation(twin.id, into: third.id)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            let rows = try store.signatures(on: statement.id)
            #expect(Set(rows.map(\.organisationID)) == [self.cap.id, third.id])
            #expect(rows.first { $0.organisationID == self.cap.id }?.status == .pledged)
            #expect(rows.first { $0.organisationID == third.id }?.status == .signed)
            #expect(try store.conflicts().filter { $0.rule.hasPrefix("merged:") }.isEmpty)
        }
    }
}

extension MergeBehaviourTests {
    /// Each office finds the pair from its own side: the reason reads the same at both.
    @Test func acronymsThatDifferInCaseGiveOnePairWithOneReasonEverywhere() throws {
        try self.geneva.insert(Organisation(name: "Acción Verde", acronym: "AV", country: try CountryCode("ES")))
        try self.bucharest.insert(Organisation(name: "Asociația Verde", acronym: "av", country: try CountryCode("RO")))
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            #expect(try store.duplicatePairs().map(\.reason) == ["same acronym (AV)"])
        }
    }
}

extension MergeBehaviourTests {
    /// Whether any organisation was merged is read once per transaction; a merge later in the
    /// same transaction must still merge the signature rows, as a merge on its own does.
    @Test func aMergeLaterInTheSameTransactionMergesTheSignatureRows() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        try self.exchange()
        // Distinct dates, so that each merge sees two recordedAt values to keep one of.
        let pledged = Date(timeIntervalSince1970: 1_780_000_000)
        func signAndMerge(_ store: Store) throws {
            try store.record(.pledged, by: self.cap.id, on: statement, source: .office, at: pledged)
            try store.record(.signed, by: twin.id, on: statement, source: .office, at: pledged + 60)
            try store.mergeOrganisation(twin.id, into: self.cap.id)
        }
        try self.geneva.transaction { try signAndMerge(self.geneva) }
        try signAndMerge(self.bucharest)
        for store in [self.geneva, self.bucharest] {
            let rows = try store.signatures(on: statement.id)
            #expect(rows.map(\.organisationID) == [self.cap.id])
            let merged = try store.conflicts().filter { $0.rule.hasPrefix("merged:") }
            #expect(merged.map(\.field).sorted() == ["recordedAt", "status"])
        }
        #expect(
            try self.geneva.signatures(on: statement.id).map(\.status)
                == self.bucharest.signatures(on: statement.id).map(\.status)
        )
    }
}

extension MergeBehaviourTests {
    /// A duplicate withdrew, then was merged; the stand recorded for the organisation kept is
    /// the newer decision, at the office that recorded it and at every other.
    @Test func aStandRecordedAfterAMergeSupersedesTheDuplicatesWithdrawal() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        try self.geneva.record(.signed, by: twin.id, on: statement, source: .office)
        try self.geneva.record(.withdrawn, by: twin.id, on: statement, source: .office)
        try self.exchange()
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        let recorded = Date(timeIntervalSince1970: 1_780_000_000)
        try self.geneva.record(.signed, by: self.cap.id, on: statement, source: .coordinator, at: recorded)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            let rows = try store.signatures(on: statement.id)
            #expect(rows.map(\.organisationID) == [self.cap.id])
            #expect(rows.map(\.status) == [.signed])
            #expect(try store.conflicts().filter { $0.rule.hasPrefix("merged:") }.isEmpty)
        }
        // And the other way: a withdrawal recorded after the merge outranks the twin's signature.
        try self.bucharest.record(.withdrawn, by: self.cap.id, on: statement, source: .coordinator)
        try self.exchange()
        #expect(try self.geneva.signatures(on: statement.id).map(\.status) == [.withdrawn])
    }

    /// The stand replaces the duplicate's on the row it shares, not in the duplicate's record:
    /// when a later merge elsewhere takes the duplicate to a third organisation, its withdrawal
    /// goes with it, and that organisation is not shown as a signer.
    @Test func aStandRecordedAfterAMergeStaysWithTheOrganisationItWasRecordedFor() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        let third = try self.insertAtGeneva(.third)
        try self.geneva.record(.signed, by: twin.id, on: statement, consent: false, source: .office)
        try self.geneva.record(.withdrawn, by: twin.id, on: statement, source: .office)
        try self.exchange()
        self.geneva.clock = { Date().addingTimeInterval(10) }
        self.bucharest.clock = { Date().addingTimeInterval(600) }
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        try self.geneva.record(.signed, by: self.cap.id, on: statement, consent: true, source: .coordinator)
        try self.bucharest.mergeOrganisation(twin.id, into: third.id)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            let rows = try store.signatures(on: statement.id)
            #expect(rows.first { $0.organisationID == self.cap.id }?.status == .signed)
            let thirds = rows.first { $0.organisationID == third.id }
            #expect(thirds?.status == .withdrawn && thirds?.consentToPublish == false)
        }
    }

    /// A stand names only what the coordinator decided: a contact left out is not decided, and
    /// the conflict between the merged signatures' contacts stays open.
    @Test func aStandWithoutAContactLeavesTheMergedContactsConflictOpen() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        let dana = ContactPerson(organisationID: twin.id, fullName: "Dana Dup")
        try self.geneva.insert(dana)
        try self.geneva.record(.signed, by: twin.id, on: statement, contact: dana.id, source: .office)
        try self.geneva.record(.pledged, by: self.cap.id, on: statement, consent: true, source: .office)
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        let before = try self.geneva.conflicts().filter { $0.rule.hasPrefix("merged:") }.map(\.field)
        #expect(before.contains("contact"))
        try self.geneva.record(.signed, by: self.cap.id, on: statement, source: .coordinator)
        let after = try self.geneva.conflicts().filter { $0.rule.hasPrefix("merged:") }.map(\.field)
        #expect(after.contains("contact") && !after.contains("status"))
        #expect(
            try self.geneva.settledFields(
                of: EntityRef(.signature, Signature.id(statement: statement.id, organisation: twin.id).description)
            ).text("contact") == dana.id.description
        )
    }
}

extension MergeBehaviourTests {
    /// Once any organisation was merged, a stand is filled in from the organisation's own
    /// record: a contact removed since is left out, not refused, as without a merge.
    @Test func aStandAfterAnyMergeLeavesOutAContactRemovedSince() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        let third = try self.insertAtGeneva(.third)
        let valle = ContactPerson(organisationID: self.cap.id, fullName: "Thierry Valle")
        try self.geneva.insert(valle)
        try self.geneva.record(.signed, by: self.cap.id, on: statement, contact: valle.id, source: .office)
        try self.geneva.mergeOrganisation(twin.id, into: third.id)
        try self.geneva.removeContact(valle.id)
        try self.geneva.record(.withdrawn, by: self.cap.id, on: statement, source: .coordinator)
        let row = try #require(try self.geneva.signatures(on: statement.id).first { $0.organisationID == self.cap.id })
        #expect(row.status == .withdrawn && row.contactID == nil)
    }

    /// A decision the stand never saw (the duplicate declined at another office, later by the
    /// clock) takes part in every field of the row, so the row is one decision, never a
    /// signature of one with the wording of another.
    @Test func aRowNeverMixesAStandWithADecisionItDidNotSee() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        try self.geneva.record(.signed, by: twin.id, on: statement, source: .office)
        try self.geneva.record(.pledged, by: self.cap.id, on: statement, source: .office)
        try self.exchange()
        self.geneva.clock = { Date().addingTimeInterval(10) }
        self.bucharest.clock = { Date().addingTimeInterval(600) }
        try self.geneva.record(.withdrawn, by: twin.id, on: statement, source: .office)
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        try self.geneva.record(.signed, by: self.cap.id, on: statement, source: .coordinator)
        try self.bucharest.record(.declined, by: twin.id, on: statement, source: .office)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            let rows = try store.signatures(on: statement.id)
            #expect(rows.map(\.status) == [.declined])
            #expect(rows.map(\.textHash) == [nil])
        }
        #expect(try self.geneva.signatures(on: statement.id) == self.bucharest.signatures(on: statement.id))
    }
}

extension MergeBehaviourTests {
    /// The duplicate's own conflict (declined at one office, withdrawn at the other) is two
    /// versions a stand recorded after the merge has seen: neither outranks it on the row.
    @Test func aStandReplacesBothVersionsOfTheDuplicatesOwnConflict() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        try self.geneva.record(.signed, by: twin.id, on: statement, source: .office)
        try self.exchange()
        try self.geneva.record(.declined, by: twin.id, on: statement, source: .office)
        try self.bucharest.record(.withdrawn, by: twin.id, on: statement, source: .office)
        try self.exchange()
        #expect(try self.geneva.conflicts().contains { $0.field == "status" })
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        try self.geneva.record(.signed, by: self.cap.id, on: statement, source: .coordinator)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            #expect(try store.signatures(on: statement.id).map(\.status) == [.signed])
            #expect(try store.conflicts().filter { $0.rule.hasPrefix("merged:") && $0.field == "status" }.isEmpty)
        }
    }

    /// A version the stand did not see (a pledge at another office) takes part in the row and,
    /// when it loses, is listed against the row's winner instead of vanishing.
    @Test func aVersionTheStandDidNotSeeIsListedWhenItLoses() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        try self.geneva.record(.signed, by: twin.id, on: statement, source: .office)
        try self.exchange()
        try self.bucharest.record(.pledged, by: twin.id, on: statement, source: .office)
        try self.geneva.record(.withdrawn, by: twin.id, on: statement, source: .office)
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        try self.geneva.record(.declined, by: self.cap.id, on: statement, source: .coordinator)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            #expect(try store.signatures(on: statement.id).map(\.status) == [.declined])
            let status = try store.conflicts().filter { $0.field == "status" }
            #expect(status.map(\.loser.value) == [.text("pledged")])
        }
    }

    /// Two offices record stands concurrently: each writes every field it decides, so the row
    /// takes status, wording and date from one of them, never a signature without a wording.
    @Test func concurrentStandsNeverLeaveASignatureWithoutAWording() throws {
        let statement = try self.openStatement()
        try self.geneva.record(.pledged, by: self.cap.id, on: statement, source: .office)
        try self.exchange()
        self.bucharest.clock = { Date().addingTimeInterval(600) }
        try self.geneva.record(.declined, by: self.cap.id, on: statement, source: .office)
        try self.bucharest.record(.signed, by: self.cap.id, on: statement, source: .office)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            let row = try #require(try store.signatures(on: statement.id).first)
            #expect(row.status == .signed && row.textHash == statement.textHash)
        }
    }
}

extension MergeBehaviourTests {
    /// The twin's own conflict stays listed while it shares CAP's row and after a later merge
    /// elsewhere takes it to a third organisation.
    @Test func aSignatureLeavingARowHasItsOwnConflictsListedAgain() throws {
        let statement = try self.openStatement()
        let twin = try self.insertAtGeneva(.twin)
        let third = try self.insertAtGeneva(.third)
        try self.geneva.record(.signed, by: twin.id, on: statement, source: .office)
        try self.geneva.record(.pledged, by: self.cap.id, on: statement, source: .office)
        try self.exchange()
        try self.geneva.record(.declined, by: twin.id, on: statement, source: .office)
        try self.bucharest.record(.withdrawn, by: twin.id, on: statement, source: .office)
        try self.exchange()
        let twinsSignature = Signature.id(statement: statement.id, organisation: twin.id).description
        func twinsStatusRules(_ store: Store) throws -> [String] {
            try store.conflicts().filter { $0.recordID == twinsSignature && $0.field == "status" }.map(\.rule)
        }
        #expect(try twinsStatusRules(self.geneva) == ["withdrawn wins"])
        self.geneva.clock = { Date().addingTimeInterval(10) }
        self.bucharest.clock = { Date().addingTimeInterval(600) }
        try self.geneva.mergeOrganisation(twin.id, into: self.cap.id)
        #expect(try twinsStatusRules(self.geneva) == ["withdrawn wins"])
        try self.bucharest.mergeOrganisation(twin.id, into: third.id)
        try self.exchange()
        for store in [self.geneva, self.bucharest] {
            #expect(try twinsStatusRules(store) == ["withdrawn wins"])
            #expect(
                try store.signatures(on: statement.id).first { $0.organisationID == third.id }?.status == .withdrawn
            )
        }
    }
}
