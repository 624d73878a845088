import Testing

@testable import SignatoryDomain

struct ErasureReasonTests {
    static let held: [FieldMap] = [
        ["fullName": .text("Thierry Valle"), "email": .text("t.valle@cap-lc.example"), "phone": .text("+33155550123")],
        // A name the person held before a rename is erased too.
        ["fullName": .text("Thiéry Vallé-Dumas")],
    ]

    @Test(arguments: [
        "Valle asked to be forgotten", "THIERRY moved", "for dumas's safety", "asked by thiery",
        "mail from T.Valle@CAP-LC.example", "called from 01 55 55 01 23",
    ])
    func aReasonThatIdentifiesThePersonIsRefused(_ reason: String) {
        #expect(throws: DomainError.self) { try ErasureReason.check(reason, against: Self.held) }
    }

    @Test(arguments: ["asked to be forgotten", "safety", "request 2026-12-06, ticket 4471", "Th and Va initials"])
    func aReasonThatDoesNotIsAccepted(_ reason: String) throws {
        try ErasureReason.check(reason, against: Self.held)
    }

    @Test func theMessageNamesWhatWasRepeatedNotTheValue() throws {
        let error = try #require(
            throws: DomainError.self,
            performing: { try ErasureReason.check("Valle asked", against: Self.held) }
        )
        #expect(error.description.contains("repeats the person's name"))
        #expect(!error.description.contains("Valle"))
    }
}
