import Foundation
import Testing

@testable import SignatoryDomain

struct StatementStatusTests {
    @Test func followsTheDocumentedMoves() throws {
        let allowed: [StatementStatus: Set<StatementStatus>] = [
            .draft: [.open], .open: [.draft, .closed], .closed: [.open, .published], .published: [],
        ]
        for from in StatementStatus.allCases {
            for to in StatementStatus.allCases {
                if allowed[from]!.contains(to) {
                    #expect(try from.transition(to: to) == to)
                } else {
                    #expect(throws: DomainError.illegalTransition(from: from, to: to)) { try from.transition(to: to) }
                }
            }
        }
    }

    @Test func publishedNeverGoesBack() {
        #expect(
            DomainError.illegalTransition(from: .published, to: .draft).description
                == "a published statement cannot become draft; it cannot change any more"
        )
        #expect(!StatementStatus.published.textIsEditable)
        #expect(!StatementStatus.closed.textIsEditable)
        #expect(StatementStatus.open.textIsEditable)
    }
}

struct SignatureRuleTests {
    let statement = ID<JointStatement>(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!)
    let cap = ID<Organisation>(UUID(uuidString: "00000000-0000-4000-8000-000000000002")!)
    let sirdo = ID<Organisation>(UUID(uuidString: "00000000-0000-4000-8000-000000000003")!)

    @Test func idIsDerivedFromStatementAndOrganisation() {
        let first = Signature.id(statement: self.statement, organisation: self.cap)
        #expect(first == Signature.id(statement: self.statement, organisation: self.cap))
        #expect(first != Signature.id(statement: self.statement, organisation: self.sirdo))
        // RFC 9562 version 8, variant 10.
        #expect(first.description.dropFirst(14).first == "8")
        #expect("89ab".contains(first.description.dropFirst(19).first!))
        let signature = Signature(
            statementID: self.statement,
            organisationID: self.cap,
            status: .signed,
            recordedAt: Date(),
            source: .office
        )
        #expect(signature.id == first)
    }

    @Test func signingNeedsAnOpenStatement() throws {
        try Signature.check(.signed, on: .open)
        try Signature.check(.invited, on: .draft)
        try Signature.check(.withdrawn, on: .published)
        try Signature.check(.declined, on: .closed)
        #expect(throws: DomainError.signatureNeedsOpenStatement(.signed, statement: .draft)) {
            try Signature.check(.signed, on: .draft)
        }
        #expect(throws: DomainError.signatureNeedsOpenStatement(.pledged, statement: .published)) {
            try Signature.check(.pledged, on: .published)
        }
        #expect(throws: DomainError.signatureNeedsOpenStatement(.invited, statement: .closed)) {
            try Signature.check(.invited, on: .closed)
        }
    }
}

struct TextHashTests {
    @Test func ignoresLineEndingsAndTrailingSpace() throws {
        let en = try LanguageTag("en")
        let unix = TextHash(title: "Leave no one behind", body: "First line.\nSecond line.", language: en)
        let windows = TextHash(title: "Leave no one behind ", body: "First line.  \r\nSecond line.\r\n", language: en)
        #expect(unix == windows)
        #expect(unix.hex.count == 64)
        #expect(unix.short.count == 12)
        #expect(TextHash(hex: unix.hex) == unix)
    }

    @Test func changesWithTheWords() throws {
        let en = try LanguageTag("en")
        let base = TextHash(title: "T", body: "We call on states.", language: en)
        #expect(base != TextHash(title: "T", body: "We call upon states.", language: en))
        #expect(base != TextHash(title: "T2", body: "We call on states.", language: en))
        #expect(base != TextHash(title: "T", body: "We call on states.", language: try LanguageTag("fr")))
        #expect(TextHash(hex: "XYZ") == nil)
    }
}

struct RecordValidationTests {
    @Test func organisationNeedsANameAndAStatusForAYear() throws {
        #expect(throws: DomainError.emptyField("organisation name")) { try Organisation(name: "  ").validate() }
        #expect(throws: DomainError.yearWithoutStatus) { try Organisation(name: "CAP", ecosocYear: 2001).validate() }
        #expect(throws: DomainError.invalidYear(1900)) {
            try Organisation(name: "CAP", ecosoc: .special, ecosocYear: 1900).validate()
        }
        try Organisation(name: "CAP", ecosoc: .special, ecosocYear: 2001).validate()
    }

    @Test func campaignEndsAfterItStarts() throws {
        let start = try CalendarDate("2026-07-30")
        let end = try CalendarDate("2026-07-01")
        #expect(throws: DomainError.endBeforeStart(start: start, end: end)) {
            try Campaign(name: "World Day", startDate: start, endDate: end).validate()
        }
        #expect(
            DomainError.endBeforeStart(start: start, end: end).description
                == "end date 2026-07-01 is before start date 2026-07-30"
        )
    }

    @Test func atRiskContactIsNeverPublishable() {
        var contact = ContactPerson(organisationID: ID(), fullName: "Lucica Humenuc", consentToPublish: true)
        #expect(contact.isPublishable)
        contact.atRisk = true
        #expect(!contact.isPublishable)
        #expect(throws: DomainError.emptyField("contact name")) {
            try ContactPerson(organisationID: ID(), fullName: "").validate()
        }
    }

    @Test func organisationDisplayNameCarriesTheAcronym() {
        #expect(
            Organisation(name: "CAP Liberté de Conscience", acronym: "CAP").displayName
                == "CAP Liberté de Conscience (CAP)"
        )
        #expect(ECOSOCCategory.special.signatoryLine == "NGO with special United Nations Consultative Status")
        #expect(ECOSOCCategory.none.signatoryLine == nil)
    }
}
