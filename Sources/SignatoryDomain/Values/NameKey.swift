import Foundation

extension Organisation {
    /// The name as duplicates are compared: case, accents, punctuation and spacing ignored,
    /// so "CAP Liberté de Conscience" and "cap liberte de conscience." match.
    public var comparableName: String { self.name.comparisonKey }
}

extension String {
    /// The text with case, accents, punctuation and spacing removed: "E-mail " is "email".
    package var comparisonKey: String {
        if self.utf8.allSatisfy({ $0 < 0x80 }) {
            // Plain ASCII needs no folding: keep letters and digits, lower-cased.
            return String(
                decoding: self.utf8.compactMap { byte -> UInt8? in
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
                    default: return nil
                    }
                },
                as: UTF8.self
            )
        }
        return self.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
            .map(String.init).joined()
    }
}
