import Testing

@testable import SignatoryWeb

struct WebLanguageTests {
    @Test func acceptLanguagePicksTheFirstLanguageSpoken() {
        #expect(WebLanguage(acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.8") == .french)
        #expect(WebLanguage(acceptLanguage: "de-DE, en;q=0.5, fr;q=0.4") == .english)
        #expect(WebLanguage(acceptLanguage: "en;q=0.2, fr;q=0.9") == .french)
        #expect(WebLanguage(acceptLanguage: "fr;q=0, en") == .english)
        #expect(WebLanguage(acceptLanguage: nil) == .english)
        #expect(WebLanguage(acceptLanguage: ";;,,") == .english)
    }

    @Test func frenchHasEveryKeyEnglishHas() {
        let missing = Set(WebText.english.keys).subtracting(WebText.french.keys)
        #expect(missing.isEmpty, "French lacks \(missing.sorted())")
        #expect(Set(WebText.french.keys).subtracting(WebText.english.keys).isEmpty)
    }
}
