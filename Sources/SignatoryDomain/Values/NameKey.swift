import Foundation

extension Organisation {
    /// The name as duplicates are compared: case, accents, punctuation and spacing ignored,
    /// so "CAP Liberté de Conscience" and "cap liberte de conscience." match.
    public var comparableName: String {
        self.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
            .map(String.init).joined()
    }
}
