import SignatoryDomain
import SignatoryStore

/// Counts as the pages print them: "12 signed, 3 invited" and "4 special, 1 general".
struct Tallies {
    let text: WebText

    func byStatus(_ tally: SignatureTally?) -> String {
        let parts = SignatureStatus.allCases.compactMap { status in
            tally?.byStatus[status].map { "\($0) \(self.text.choice(status))" }
        }
        return parts.isEmpty ? self.text["noSignaturesYet"] : parts.joined(separator: ", ")
    }

    func byECOSOC(_ tally: SignatureTally?) -> String {
        let parts = ECOSOCCategory.allCases.compactMap { category in
            tally?.signedByECOSOC[category].map { "\($0) \(self.text.choice(category))" }
        }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }

    /// Several statements' tallies added up.
    static func sum(_ tallies: [SignatureTally?]) -> SignatureTally {
        var sum = SignatureTally()
        for tally in tallies.compactMap({ $0 }) {
            sum.byStatus.merge(tally.byStatus, uniquingKeysWith: +)
            sum.signedByECOSOC.merge(tally.signedByECOSOC, uniquingKeysWith: +)
        }
        return sum
    }
}

extension WebText {
    /// The word for a status or category: `SignatureStatus.signed` is "signed", « signé ».
    func choice<C: RawRepresentable<String>>(_ value: C) -> String {
        let key = "\(C.self)." + value.rawValue
        return self.strings[key] ?? WebText.english[key] ?? value.rawValue
    }

    /// Options for a `<select>` of `C`, with `selected` marked.
    func options<C: RawRepresentable<String> & Equatable>(_ values: [C], selected: C? = nil) -> [[String: Any]] {
        values.map { ["value": $0.rawValue, "label": self.choice($0), "selected": $0 == selected] }
    }
}
