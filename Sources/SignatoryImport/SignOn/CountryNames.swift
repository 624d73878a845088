import Foundation
import SignatoryDomain

/// Country codes from what people type in a form: "FR", "France", "Roumanie", "Côte d'Ivoire".
///
/// Names are matched in English, French and Spanish, ignoring case, accents and punctuation.
struct CountryNames {
    private let byName: [String: CountryCode]

    init() {
        var byName: [String: CountryCode] = [:]
        for code in CountryCode.allAssigned {
            for language in ["en", "fr", "es"] {
                guard let name = Locale(identifier: language).localizedString(forRegionCode: code.code) else {
                    continue
                }
                byName[SignOnField.fold(name)] = code
            }
        }
        for (alias, code) in [("usa", "US"), ("uk", "GB"), ("unitedstatesofamerica", "US"), ("greatbritain", "GB")] {
            byName[alias] = try? CountryCode(code)
        }
        self.byName = byName
    }

    func code(for text: String) -> CountryCode? {
        if text.count == 2, let code = try? CountryCode(text) { return code }
        return self.byName[SignOnField.fold(text)]
    }
}
