import Mustache

/// How every template escapes a value: `&`, `<`, `>`, `"` and `'` as character references, as
/// swift-mustache's own HTML type does, but a byte at a time and without copying a value that
/// needs none, since a statement's page escapes tens of thousands of values.
struct HTMLEscaping: MustacheContentType {
    /// The name templates select it by; ``PageRenderer`` puts the pragma at the top of each.
    static let name = "SIGNATORY_HTML"

    func escapeText(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: Self.needsEscaping) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
