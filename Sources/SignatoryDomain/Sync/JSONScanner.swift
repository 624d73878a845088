/// A small JSON reader for the hot path of importing bundles: it parses one value from UTF-8
/// bytes into plain Swift values, several times faster than `JSONDecoder` for change lines.
///
/// Objects become `[String: Any]`, arrays `[Any]`, numbers `Int64` (or `Double` when they have a
/// fraction or exponent), and `null` becomes `JSONScanner.null`.
struct JSONScanner {
    struct Null: Hashable {}
    static let null = Null()

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The single value the bytes hold, or `nil` when they are not exactly one JSON value.
    static func parse(_ bytes: [UInt8]) -> Any? {
        var scanner = JSONScanner(bytes)
        guard let value = scanner.value() else { return nil }
        scanner.skipSpace()
        return scanner.position == bytes.count ? value : nil
    }

    private mutating func skipSpace() {
        while self.position < self.bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(self.bytes[self.position]) { self.position += 1 }
    }

    private mutating func value() -> Any? {
        self.skipSpace()
        guard self.position < self.bytes.count else { return nil }
        switch self.bytes[self.position] {
        case UInt8(ascii: "{"): return self.object()
        case UInt8(ascii: "["): return self.array()
        case UInt8(ascii: "\""): return self.string()
        case UInt8(ascii: "t"): return self.literal("true", true)
        case UInt8(ascii: "f"): return self.literal("false", false)
        case UInt8(ascii: "n"): return self.literal("null", JSONScanner.null)
        default: return self.number()
        }
    }

    private mutating func literal(_ word: String, _ value: Any) -> Any? {
        let utf8 = Array(word.utf8)
        guard self.position + utf8.count <= self.bytes.count, Array(self.bytes[self.position..<(self.position + utf8.count)]) == utf8 else { return nil }
        self.position += utf8.count
        return value
    }

    private mutating func object() -> [String: Any]? {
        self.position += 1
        var result: [String: Any] = [:]
        self.skipSpace()
        if self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "}") { self.position += 1; return result }
        while true {
            self.skipSpace()
            guard self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "\""), let key = self.string() else { return nil }
            self.skipSpace()
            guard self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: ":") else { return nil }
            self.position += 1
            guard let value = self.value() else { return nil }
            result[key] = value
            self.skipSpace()
            guard self.position < self.bytes.count else { return nil }
            if self.bytes[self.position] == UInt8(ascii: ",") { self.position += 1; continue }
            if self.bytes[self.position] == UInt8(ascii: "}") { self.position += 1; return result }
            return nil
        }
    }

    private mutating func array() -> [Any]? {
        self.position += 1
        var result: [Any] = []
        self.skipSpace()
        if self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "]") { self.position += 1; return result }
        while true {
            guard let value = self.value() else { return nil }
            result.append(value)
            self.skipSpace()
            guard self.position < self.bytes.count else { return nil }
            if self.bytes[self.position] == UInt8(ascii: ",") { self.position += 1; continue }
            if self.bytes[self.position] == UInt8(ascii: "]") { self.position += 1; return result }
            return nil
        }
    }

    private mutating func string() -> String? {
        self.position += 1
        let start = self.position
        // Fast path: no escapes.
        while self.position < self.bytes.count {
            let byte = self.bytes[self.position]
            if byte == UInt8(ascii: "\"") {
                defer { self.position += 1 }
                return String(decoding: self.bytes[start..<self.position], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            self.position += 1
        }
        var scalars = Array(self.bytes[start..<self.position])
        while self.position < self.bytes.count {
            let byte = self.bytes[self.position]
            self.position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard self.position < self.bytes.count else { return nil }
                let escape = self.bytes[self.position]
                self.position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var code = self.hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(code) {
                        guard self.position + 1 < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "\\"),
                              self.bytes[self.position + 1] == UInt8(ascii: "u") else { return nil }
                        self.position += 2
                        guard let low = self.hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                scalars.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard self.position + 4 <= self.bytes.count else { return nil }
        var code: UInt32 = 0
        for byte in self.bytes[self.position..<(self.position + 4)] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            code = code * 16 + UInt32(digit)
        }
        self.position += 4
        return code
    }

    private mutating func number() -> Any? {
        let start = self.position
        var isInteger = true
        while self.position < self.bytes.count {
            let byte = self.bytes[self.position]
            if (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-") { self.position += 1; continue }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") {
                isInteger = false
                self.position += 1
                continue
            }
            break
        }
        let text = String(decoding: self.bytes[start..<self.position], as: UTF8.self)
        return isInteger ? Int64(text) : Double(text)
    }
}
