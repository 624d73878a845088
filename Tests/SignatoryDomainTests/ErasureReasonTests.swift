import Testing

@testable import SignatoryDomain

struct ErasureReasonTests {
    static let held: [FieldMap] = [
        ["fullName": .text("Thierry Valle"), "email": .text("t.valle@cap-lc.example"), "phone": .text("+33155550123")],
        // A name the person held before a rename is erased too.
        ["fullName": .text("Thiéry Vallé-Dumas")],
    ]

    @Test(arguments: [
        "Valle asked to be forgotten", "THIERRY moved", "for dumas's safety", "asked by thiery", "ThierryValle asked",
        "mail from T.Valle@CAP-LC.example", "called from 01 55 55 01 23", "call (0)1.55.55-01.23",
    ])
    func aReasonThatIdentifiesThePersonIsRefused(_ reason: String) {
        #expect(throws: DomainError.self) { try ErasureReason.check(reason, against: Self.held) }
    }

    /// Letters without an accent to strip, other scripts, umlauts spelt out, invisible characters
    /// and names of short words are caught as well.
    @Test(arguments: [
        ("Søren Østergaard", "Soren asked"), ("Łukasz Wałęsa", "walesa moved"), ("Đorđe Đukić", "for Dukic"),
        ("Jürgen Weiß", "Juergen asked"), ("Jürgen Weiß", "weiss asked"), ("Иван Петров", "Ivan Petrov asked"),
        ("Jean Dupont", "Du\u{00AD}pont asked"), ("Xu Li", "xu li asked to be forgotten"),
        ("Anne-Marie O'Brien", "Annemarie asked"), ("Per Olsen", "Ｏｌｓｅｎ asked"),
        // Found by review: umlauts both ways, the usual English spellings of Cyrillic, short names run together.
        ("Juergen Mueller", "Müller asked"), ("Юлия Шевченко", "Shevchenko asked"),
        ("Mykola Shevchenko", "Шевченко asked"), ("Li Na", "Lina asked"),
        // Found by review: a name in parts, or inflected.
        ("Lucica Humenuc", "Lucicas request"), ("Lucica Humenuc", "Luc-ica asked"),
        ("Lucica Humenuc", "L'ucica asked"), ("Lucica Humenuc", "cererea Lucicăi"),
        ("Lucica Humenuc", "L-u-c-i-c-a asked"), ("Lucica Humenuc", "H.u.m.e.n.u.c. asked"),
        ("Lucica Humenuc", "\u{1D40B}\u{1D42E}\u{1D41C}\u{1D422}\u{1D41C}\u{1D41A} asked"),
        ("Lucica Humenuc", "\u{24C1}\u{24E4}\u{24D2}\u{24D8}\u{24D2}\u{24D0} asked"),
    ])
    func everySpellingOfTheNameIsRefused(_ name: String, _ reason: String) {
        #expect(throws: DomainError.self) { try ErasureReason.check(reason, against: [["fullName": .text(name)]]) }
    }

    @Test(arguments: [
        "asked to be forgotten", "safety", "request 2026-12-06, ticket 4471", "Th and Va initials",
        "Ticket 555 filed 01/23", "li and xu are not together here", "x", "",
        // Short words a space parts do not spell a name.
        "followed by a man after the protest", "said I am in danger", "lives near a dam now",
    ])
    func aReasonThatDoesNotIsAccepted(_ reason: String) throws {
        let names = ["Xu Li", "Aman Gupta", "Amin Haddad", "Adam Nowak"].map { ["fullName": FieldValue.text($0)] }
        try ErasureReason.check(reason, against: Self.held + names)
    }

    @Test(arguments: ["asked by hrd1987", "555/0123 called", "called 555_0123", "call 555\u{202F}0123"])
    func anEmailsLocalPartOrAPhoneWrittenOtherwiseIsRefused(_ reason: String) {
        let held: [FieldMap] = [["email": .text("hrd1987@proton.example"), "phone": .text("+254205550123")]]
        #expect(throws: DomainError.self) { try ErasureReason.check(reason, against: held) }
    }

    /// The coordinator typed the reason, and is told which word to change.
    @Test func theMessageNamesTheWordRepeated() throws {
        let error = try #require(
            throws: DomainError.self,
            performing: {
                try ErasureReason.check("erased as per GDPR request", against: [["fullName": .text("Per Olsen")]])
            }
        )
        #expect(error.description.contains("repeats 'per', from the person's name"))
    }
}
