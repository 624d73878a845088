import Foundation
import Testing

@testable import SignatoryDomain

struct CountryCodeTests {
    @Test func acceptsAssignedCodesInAnyCase() throws {
        #expect(try CountryCode("fr").code == "FR")
        #expect(try CountryCode(" ro ").code == "RO")
        #expect(CountryCode.assigned.count == 249)
    }

    @Test(arguments: ["XX", "UK", "FRA", "", "F"])
    func refusesUnassignedCodes(_ text: String) {
        #expect(throws: DomainError.invalidCountry(text)) { try CountryCode(text) }
    }

    @Test func messageNamesTheValue() {
        #expect(
            DomainError.invalidCountry("XX").description
                == "country 'XX' is not an ISO 3166-1 code; use two letters such as CH, FR or RO"
        )
    }
}

struct EmailAddressTests {
    @Test func lowerCasesTheDomainOnly() throws {
        let email = try EmailAddress(" Thierry.Valle@CAP-Liberte.ORG ")
        #expect(email.address == "Thierry.Valle@cap-liberte.org")
        #expect(email.domain == "cap-liberte.org")
    }

    @Test(arguments: [
        "", "valle", "valle@", "@example.org", "a@b", "a b@example.org", "a@@example.org", "a@-x.org", "a@example.o",
    ])
    func refusesMalformedAddresses(_ text: String) {
        #expect(throws: DomainError.invalidEmail(text)) { try EmailAddress(text) }
    }
}

struct PhoneNumberTests {
    @Test func dropsTypingPunctuation() throws {
        #expect(try PhoneNumber("+41 (22) 555-01 00").e164 == "+41225550100")
        #expect(try PhoneNumber("+40.21.555.0100").e164 == "+40215550100")
    }

    @Test(arguments: ["0041225550100", "+41", "+0225550100", "+41 22 555 01 00 00 00 00", "+41 22x555", "call me"])
    func refusesNumbersThatAreNotE164(_ text: String) {
        #expect(throws: DomainError.invalidPhone(text)) { try PhoneNumber(text) }
    }
}

struct CalendarDateTests {
    @Test func parsesAndPrintsTheSameDay() throws {
        #expect(try CalendarDate("2026-07-30").description == "2026-07-30")
        #expect(try CalendarDate("2024-02-29").day == 29)
    }

    @Test(arguments: ["2026-02-29", "2100-02-29", "2026-13-01", "2026-7-30", "30/07/2026", "2026-07-32", ""])
    func refusesDaysThatDoNotExist(_ text: String) {
        #expect(throws: DomainError.invalidDate(text)) { try CalendarDate(text) }
    }

    @Test func ordersByDay() throws {
        #expect(try CalendarDate("2026-07-01") < CalendarDate("2026-07-30"))
        #expect(try !(CalendarDate("2026-08-01") < CalendarDate("2026-07-30")))
    }
}

struct WebsiteAndLanguageTests {
    @Test func bareDomainBecomesHTTPS() throws {
        #expect(try Website("dafoh.org").url == "https://dafoh.org")
        #expect(try Website("http://example.org/a").url == "http://example.org/a")
    }

    @Test(arguments: ["", "not a site", "https://", "localhost"])
    func refusesNonAddresses(_ text: String) {
        #expect(throws: DomainError.invalidWebsite(text)) { try Website(text) }
    }

    @Test func normalisesLanguageTagCase() throws {
        #expect(try LanguageTag("PT-br").tag == "pt-BR")
        #expect(try LanguageTag("zh-hant-tw").tag == "zh-Hant-TW")
        #expect(throws: DomainError.invalidLanguage("english")) { try LanguageTag("english") }
    }
}

struct ChoiceTests {
    @Test func parsesWordsInAnyCase() throws {
        #expect(try ECOSOCCategory(parsing: "Special") == .special)
        #expect(try SignatureStatus(parsing: " withdrawn ") == .withdrawn)
    }

    @Test func unknownWordListsTheChoices() {
        #expect(
            throws: DomainError.unknownValue(
                field: "campaign status",
                value: "live",
                allowed: ["planning", "active", "closed"]
            )
        ) {
            try CampaignStatus(parsing: "live")
        }
        #expect(
            DomainError.unknownValue(field: "ECOSOC status", value: "x", allowed: ["general", "special"]).description
                == "ECOSOC status 'x' is not one of: general, special"
        )
    }
}

struct IdentifierTests {
    @Test func newIDsAreRandomVersion4UUIDs() {
        let ids = (0..<10_000).map { _ in ID<Organisation>() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(100) {
            let text = id.description
            #expect(Array(text)[14] == "4")
            #expect("89ab".contains(Array(text)[19]))
            #expect(ID<Organisation>(text) == id)
            #expect(UUID(uuidString: text)?.uuidString.lowercased() == text)
        }
        // Random bits vary: across 10,000 ids every hex digit shows up in the first position.
        #expect(Set(ids.map { $0.description.first! }).count == 16)
    }
}

struct ICSONumberTests {
    @Test func keepsTheDigitsAsPeopleCopyThem() throws {
        #expect(try ICSONumber("4281").digits == "4281")
        #expect(try ICSONumber(" # 004 281 ").digits == "4281")
        #expect(try ICSONumber("#4281") == ICSONumber("04281"))
    }

    @Test(arguments: ["", "#", "0", "CAP-12", "42.81", "1234567890123", "٤٢٨١"])
    func refusesWhatIsNotAProfileNumber(_ text: String) {
        #expect(throws: DomainError.invalidICSONumber(text)) { try ICSONumber(text) }
    }
}

/// Anything typed must fit in a change line, so it can always be synced.
struct TextLengthTests {
    @Test func oneLineValuesHoldAThousandBytes() throws {
        try PlainText.check(String(repeating: "é", count: 500), field: "organisation name")
        #expect(throws: DomainError.tooLong(field: "organisation name", limit: 1_000)) {
            try PlainText.check(String(repeating: "a", count: 1_001), field: "organisation name")
        }
    }

    @Test func textsHoldAMebibyte() throws {
        try PlainText.check(String(repeating: "line\n", count: 200_000), field: "statement text", multiline: true)
        #expect(throws: DomainError.tooLong(field: "statement text", limit: 1 << 20)) {
            try PlainText.check(String(repeating: "a", count: (1 << 20) + 1), field: "statement text", multiline: true)
        }
    }
}
