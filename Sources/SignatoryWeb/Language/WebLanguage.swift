import Foundation

/// The interface's language, chosen from the browser's `Accept-Language`: French or English.
enum WebLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case french = "fr"

    /// The first language the header prefers (by q-value, then order) that the app speaks; English otherwise.
    ///
    /// ```swift
    /// WebLanguage(acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.8")   // .french
    /// ```
    init(acceptLanguage: String?) {
        let ranked = (acceptLanguage ?? "").split(separator: ",").enumerated().compactMap {
            (index, item) -> (tag: String, q: Double, index: Int)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { return nil }
            var q = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            return (tag, q, index)
        }
        .filter { $0.q > 0 }
        .sorted { ($0.q, -$0.index) > ($1.q, -$1.index) }
        for entry in ranked {
            let primary = entry.tag.split(separator: "-").first.map(String.init) ?? entry.tag
            if let language = WebLanguage(rawValue: primary) {
                self = language
                return
            }
        }
        self = .english
    }

    var text: WebText {
        switch self {
        case .english: return WebText(language: self, strings: WebText.english)
        case .french: return WebText(language: self, strings: WebText.french)
        }
    }
}
