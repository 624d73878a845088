import Foundation

/// A small JSON reader for the hot path of importing bundles: it reads values of a known
/// shape straight from UTF-8 bytes, several times faster than `JSONDecoder` for change lines.
struct JSONScanner {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func skipSpace() {
        while self.position < self.bytes.count {
            switch self.bytes[self.position] {
            case 0x20, 0x0A, 0x0D, 0x09: self.position += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard self.position + count <= self.bytes.count,
            self.bytes[self.position..<(self.position + count)].elementsEqual(
                UnsafeBufferPointer(start: word.utf8Start, count: count)
            )
        else { return false }
        self.position += count
        return true
    }

    private mutating func string() -> String? {
        self.position += 1
        let start = self.position
        // Fast path: no escapes.
        while self.position < self.bytes.count {
            let byte = self.bytes[self.position]
            if byte == UInt8(ascii: "\"") {
                defer { self.position += 1 }
                return Self.text(self.bytes[start..<self.position])
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
                return Self.text(scalars[...])
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
                            self.bytes[self.position + 1] == UInt8(ascii: "u")
                        else { return nil }
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

    /// The bytes as text, or `nil` unless they are valid UTF-8: JSON text is UTF-8, and invalid
    /// bytes are refused rather than replaced, so no two different lines read alike.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            // Decoding repairs invalid bytes, so a decoded text whose bytes are the input's
            // proves the input valid. `String(validating:as:)` checks the same but through a
            // generic path that cost a tenth of the import's reading thread.
            var text = String(decoding: buffer, as: UTF8.self)
            let same = text.withUTF8 { decoded in
                decoded.count == buffer.count
                    && (buffer.isEmpty || memcmp(decoded.baseAddress!, buffer.baseAddress!, buffer.count) == 0)
            }
            return same ? text : nil
        }
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

    /// A whole number; bundles hold no fractions.
    private mutating func integer() -> Int64? {
        let start = self.position
        if self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "-") { self.position += 1 }
        let digits = self.position
        while self.position < self.bytes.count, self.bytes[self.position] >= 48, self.bytes[self.position] <= 57 {
            self.position += 1
        }
        // JSON numbers have no leading zeros: `01` would be a second spelling of the same change.
        guard self.position > digits, self.position - digits == 1 || self.bytes[digits] != UInt8(ascii: "0") else {
            return nil
        }
        return Int64(String(decoding: self.bytes[start..<self.position], as: UTF8.self))
    }

    // MARK: Typed reading, for formats whose shape is known

    /// Skips white space and consumes `byte` when it comes next.
    mutating func consume(_ byte: Unicode.Scalar) -> Bool {
        self.skipSpace()
        guard self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: byte) else { return false }
        self.position += 1
        return true
    }

    /// A string value, after any white space.
    mutating func stringValue() -> String? {
        self.skipSpace()
        guard self.position < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "\"") else { return nil }
        return self.string()
    }

    mutating func integerValue() -> Int64? {
        self.skipSpace()
        return self.integer()
    }

    /// A string, whole number, flag or null, as a field value.
    mutating func fieldValue() -> FieldValue? {
        self.skipSpace()
        guard self.position < self.bytes.count else { return nil }
        switch self.bytes[self.position] {
        case UInt8(ascii: "\""): return self.string().map(FieldValue.text)
        case UInt8(ascii: "t"): return self.literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return self.literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return self.literal("null") ? .null : nil
        default: return self.integer().map(FieldValue.integer)
        }
    }

    var isAtEnd: Bool {
        var copy = self
        copy.skipSpace()
        return copy.position == self.bytes.count
    }
}
