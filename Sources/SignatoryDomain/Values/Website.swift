import Foundation

/// A web address. A bare domain such as `dafoh.org` becomes `https://dafoh.org`.
public struct Website: Hashable, Sendable, CustomStringConvertible {
    public let url: String

    public init(_ text: String) throws(DomainError) {
        var url = text.trimmedSpaces
        if !url.lowercased().hasPrefix("http://") && !url.lowercased().hasPrefix("https://") {
            url = "https://" + url
        }
        let afterScheme = url[url.index(after: url.firstIndex(of: ":")!)...].dropFirst(2)
        let host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" } }
            ),
            !url.contains(where: \.isWhitespace),
            !url.unicodeScalars.contains(where: { PlainText.isRefused($0, multiline: false) })
        else { throw .invalidWebsite(text) }
        self.url = url
    }

    public var description: String { self.url }
}
