import Crypto
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
        #expect(
            DomainError.illegalTransition(from: .open, to: .published).description.hasPrefix(
                "an open statement cannot become published"
            )
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

    /// The hash signatures commit to must not move when its normalisation is made faster: each
    /// text hashes as with the first release's normalisation, written out here.
    @Test func hashesAsTheFirstReleaseDid() throws {
        func firstRelease(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in String(line.reversed().drop(while: \.isWhitespace).reversed()) }
                .joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let texts = [
            "", " ", "\t\n \r\n", "CAP Liberté de Conscience", "First line.  \r\nSecond\u{3000}\t\n\nThird \u{A0}",
            "e\u{301} \u{301}\u{20}", "👩‍👩‍👧 \u{2028}x\u{2029} ", "\u{1F1EB}\u{1F1F7} \n \u{85}",
            "line\rwith lone CR  \r", String(repeating: "a b ", count: 5_000) + "\n\t", "a\r\r\nb \r\n",
            "\r\n\u{301}x\n\u{301} \r", " \u{2003}tail\u{85}\u{A0}", "\u{FEFF}word\u{200B}", "end 👍",
            "x\n\u{301} \n\u{301}\n \u{300}",
        ]
        let en = try LanguageTag("en")
        for title in texts {
            for body in texts {
                let canonical = ["en", firstRelease(title), firstRelease(body)].joined(separator: "\n\u{1F}\n")
                let expected = Hex.string(SHA256.hash(data: Data(canonical.utf8)))
                #expect(TextHash(title: title, body: body, language: en).hex == expected, "\(title.debugDescription)")
            }
        }
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
