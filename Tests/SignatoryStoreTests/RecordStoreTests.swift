import Foundation
import SignatoryDomain
import TestSupport
import Testing

@testable import SignatoryStore

struct OrganisationStoreTests {
    @Test func roundTripsEveryField() throws {
        let fixture = try StoreFixture()
        let cap = Organisation(
            name: "CAP Liberté de Conscience",
            acronym: "CAP",
            country: try CountryCode("FR"),
            website: try Website("https://example.org/cap"),
            ecosoc: .special,
            ecosocYear: 2006,
            standing: .active,
            notes: "Signs most statements on freedom of belief."
        )
        try fixture.store.insert(cap)
        #expect(try fixture.store.organisation(cap.id) == cap)
        var edited = cap
        edited.acronym = nil
        edited.standing = .suspended
        try fixture.store.update(edited)
        #expect(try fixture.store.organisation(cap.id) == edited)
    }

    @Test func bulkInsertIsAllOrNothing() throws {
        let fixture = try StoreFixture()
        let valid = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP")
        let invalid = Organisation(name: " ")
        #expect(throws: DomainError.emptyField("organisation name")) {
            try fixture.store.insert(organisations: [valid, invalid])
        }
        #expect(try fixture.store.organisations().isEmpty)
    }

    /// A batch finds its look-alike pairs once, at its end: among its own organisations and
    /// with those held before.
    @Test func insertingManyFindsTheirLookAlikes() throws {
        let fixture = try StoreFixture()
        let held = Organisation(name: "CAP Liberté de Conscience", acronym: "CAP", country: try CountryCode("FR"))
        try fixture.store.insert(held)
        let sirdo = Organisation(name: "Romanian Independent Society of Human Rights", acronym: "SIRDO")
        let sirdoAgain = Organisation(name: "Romanian Independent Society for Human Rights", acronym: "SIRDO")
        let cap = Organisation(name: "CAP Liberte de Conscience", country: try CountryCode("FR"))
        try fixture.store.insert(organisations: [sirdo, sirdoAgain, cap])
        let pairs = try fixture.store.duplicatePairs().map { Set([$0.first, $0.second]) }
        #expect(Set(pairs) == [Set([sirdo.id, sirdoAgain.id]), Set([held.id, cap.id])])
    }

    @Test func findsByAcronymOrIdPrefix() throws {
        let fixture = try StoreFixture()
        let (cap, sirdo) = try fixture.addCAPAndSIRDO()
        #expect(try fixture.store.organisation(matching: "cap") == cap)
        #expect(try fixture.store.organisation(matching: "SIRDO") == sirdo)
        #expect(try fixture.store.organisation(matching: String(sirdo.id.description.prefix(8))) == sirdo)
        #expect(try fixture.store.organisation(matching: sirdo.id.description.uppercased()) == sirdo)
        #expect(throws: StoreError.notFound("organisation", reference: "DAFOH")) {
            try fixture.store.organisation(matching: "DAFOH")
        }
        #expect(throws: StoreError.notFound("organisation", reference: "abc")) {
            try fixture.store.organisation(matching: "abc")
        }
    }

    @Test func ambiguousReferencesAreRefused() throws {
        let fixture = try StoreFixture()
        let first = Organisation(
            id: ID(UUID(uuidString: "aaaa0000-0000-4000-8000-000000000001")!),
            name: "One",
            acronym: "CAP"
        )
        let second = Organisation(
            id: ID(UUID(uuidString: "aaaa0000-0000-4000-8000-000000000002")!),
            name: "Two",
            acronym: "CAP"
        )
        try fixture.store.insert(organisations: [first, second])
        #expect(
            throws: StoreError.ambiguous(
                "organisation",
                reference: "aaaa",
                candidates: [first.id.description, second.id.description]
            )
        ) {
            try fixture.store.organisation(matching: "aaaa")
        }
        #expect(throws: StoreError.self) { try fixture.store.organisation(matching: "CAP") }
        #expect(try fixture.store.organisation(matching: "aaaa0000-0000-4000-8000-000000000002") == second)
    }

    @Test func removalKeepsDependentsUnlessAskedToCascade() throws {
        let fixture = try StoreFixture()
        let cap = try fixture.addOrganisation("CAP Liberté de Conscience", acronym: "CAP")
        try fixture.store.insert(ContactPerson(organisationID: cap.id, fullName: "Thierry Valle"))
        #expect(throws: StoreError.organisationHasRecords(contacts: 1, signatures: 0)) {
            try fixture.store.removeOrganisation(cap.id, cascade: false)
        }
        #expect(try fixture.store.contacts(of: cap.id).count == 1)
        try fixture.store.removeOrganisation(cap.id, cascade: true)
        #expect(try fixture.store.organisation(cap.id) == nil)
        #expect(try fixture.store.contacts().isEmpty)
    }

    @Test func theLeadOfAStatementCannotBeRemoved() throws {
        let fixture = try StoreFixture()
        let dafoh = try fixture.addOrganisation(
            "Doctors Against Forced Organ Harvesting",
            acronym: "DAFOH",
            country: "US",
            ecosoc: .none
        )
        _ = try fixture.addOpenStatement(lead: dafoh)
        #expect(throws: StoreError.self) { try fixture.store.removeOrganisation(dafoh.id, cascade: true) }
        #expect(try fixture.store.organisation(dafoh.id) != nil)
    }
}

struct ContactStoreTests {
    @Test func roundTripsAndRequiresAKnownOrganisation() throws {
        let fixture = try StoreFixture()
        let cap = try fixture.addOrganisation("CAP Liberté de Conscience", acronym: "CAP")
        let valle = ContactPerson(
            organisationID: cap.id,
            fullName: "Thierry Valle",
            title: "Director",
            email: try EmailAddress("valle@example.org"),
            phone: try PhoneNumber("+33 1 55 50 01 00"),
            preferredLanguage: try LanguageTag("fr"),
            atRisk: true,
            consentToPublish: true
        )
        try fixture.store.insert(valle)
        #expect(try fixture.store.contact(valle.id) == valle)
        #expect(try fixture.store.contact(matching: String(valle.id.description.prefix(6))) == valle)
        let orphan = ContactPerson(organisationID: ID(), fullName: "Nobody")
        #expect(throws: StoreError.notFound("organisation", reference: orphan.organisationID.description)) {
            try fixture.store.insert(orphan)
        }
    }
}

struct StatementStoreTests {
    @Test func keepsEveryWordingAndFreezesItAfterClosing() throws {
        let fixture = try StoreFixture()
        var statement = try fixture.addOpenStatement()
        let first = statement.textHash
        statement.body = "We call upon all states."
        try fixture.store.update(statement, now: Date().addingTimeInterval(60))
        #expect(try fixture.store.texts(of: statement.id).map(\.hash) == [first, statement.textHash])
        statement.status = .closed
        try fixture.store.update(statement)
        var edited = statement
        edited.body = "Another text."
        #expect(throws: DomainError.textFrozen(status: .closed)) { try fixture.store.update(edited) }
        #expect(try fixture.store.statement(statement.id) == statement)
    }

    @Test func updateRefusesAnIllegalTransition() throws {
        let fixture = try StoreFixture()
        var statement = try fixture.addOpenStatement()
        statement.status = .published
        #expect(throws: DomainError.illegalTransition(from: .open, to: .published)) {
            try fixture.store.update(statement)
        }
        #expect(try fixture.store.statement(statement.id)?.status == .open)
    }
}

struct SignatureStoreTests {
    @Test func recordingAgainReplacesTheSameSignature() throws {
        let fixture = try StoreFixture()
        let cap = try fixture.addOrganisation("CAP Liberté de Conscience", acronym: "CAP")
        let statement = try fixture.addOpenStatement()
        let signed = try fixture.store.record(
            Signature(
                statementID: statement.id,
                organisationID: cap.id,
                status: .signed,
                recordedAt: Date(timeIntervalSince1970: 1_785_000_000),
                source: .coordinator
            )
        )
        #expect(signed.textHash == statement.textHash)
        try fixture.store.record(
            Signature(
                statementID: statement.id,
                organisationID: cap.id,
                status: .withdrawn,
                recordedAt: Date(timeIntervalSince1970: 1_785_000_100),
                source: .office
            )
        )
        let stored = try fixture.store.signatures(on: statement.id)
        #expect(stored.count == 1)
        #expect(stored[0].status == .withdrawn && stored[0].source == .office)
        #expect(stored[0].recordedAt == Date(timeIntervalSince1970: 1_785_000_100))
    }

    @Test func refusesAContactOfAnotherOrganisationAndAClosedStatement() throws {
        let fixture = try StoreFixture()
        let (cap, sirdo) = try fixture.addCAPAndSIRDO()
        let humenuc = ContactPerson(organisationID: sirdo.id, fullName: "Lucica Humenuc")
        try fixture.store.insert(humenuc)
        var statement = try fixture.addOpenStatement()
        #expect(throws: StoreError.self) {
            try fixture.store.record(
                Signature(
                    statementID: statement.id,
                    organisationID: cap.id,
                    contactID: humenuc.id,
                    status: .signed,
                    recordedAt: Date(),
                    source: .coordinator
                )
            )
        }
        statement.status = .closed
        try fixture.store.update(statement)
        #expect(throws: DomainError.signatureNeedsOpenStatement(.signed, statement: .closed)) {
            try fixture.store.record(
                Signature(
                    statementID: statement.id,
                    organisationID: sirdo.id,
                    status: .signed,
                    recordedAt: Date(),
                    source: .coordinator
                )
            )
        }
        #expect(try fixture.store.signatures(on: statement.id).isEmpty)
    }
}
