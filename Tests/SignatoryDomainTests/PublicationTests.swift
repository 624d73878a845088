import Foundation
import Testing

@testable import SignatoryDomain

struct PublicationTests {
    let record = Publication(
        date: try! CalendarDate("2026-07-30"),
        place: "Geneva",
        occasion: "Human Rights Council, 62nd session",
        textHash: TextHash(title: "No one left behind", body: "Text.", language: try! LanguageTag("en")),
        lead: nil,
        cosigners: [
            Publication.Line(
                organisation: ID(),
                country: try! CountryCode("FR"),
                name: "CAP Liberté de Conscience (CAP)",
                status: "NGO with special United Nations Consultative Status",
                contact: ContactPerson(organisationID: ID(), fullName: "Thierry Valle", title: "Director")
            )
        ]
    )

    @Test func theRecordReadsBackFromItsField() throws {
        #expect(try Publication(jsonText: self.record.jsonText) == self.record)
        try EntityKind.statement.validate(
            entityID: ID<JointStatement>().description,
            values: ["publication": .text(self.record.jsonText)]
        )
    }

    @Test(arguments: [
        "not json", #"{"date":"2026-02-30","textHash":"00","cosigners":[]}"#,
        #"{"date":"2026-07-30","textHash":"\#(String(repeating: "a", count: 64))","cosigners":[{"organisation":"x","name":"A"}]}"#,
        #"{"date":"2026-07-30","textHash":"\#(String(repeating: "a", count: 64))","cosigners":[{"organisation":"00000000-0000-4000-8000-000000000001","name":"A\u001b[31m"}]}"#,
    ])
    func aReceivedRecordThatIsNotOneIsRefused(_ text: String) {
        #expect(throws: DomainError.self) {
            try EntityKind.statement.validate(
                entityID: ID<JointStatement>().description,
                values: ["publication": .text(text)]
            )
        }
    }
}
