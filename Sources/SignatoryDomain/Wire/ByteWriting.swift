/// Writing a change's JSON line and hash input straight into bytes: both run for every change
/// written or received, and building intermediate strings cost more than the hashing itself.
extension Array where Element == UInt8 {
    package mutating func append(text: String) {
        self.append(contentsOf: text.utf8)
    }

    package mutating func append(decimal value: some BinaryInteger) {
        self.append(contentsOf: String(value).utf8)
    }

    /// `"text"`, escaped as JSON requires: quotes, backslashes and control characters.
    mutating func append(jsonString text: String) {
        self.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): self.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): self.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): self.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): self.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): self.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                self.append(contentsOf: Array("\\u00".utf8))
                self.append(Hex.digits[Int(byte >> 4)])
                self.append(Hex.digits[Int(byte & 0x0F)])
            default: self.append(byte)
            }
        }
        self.append(UInt8(ascii: "\""))
    }

    mutating func append(json value: FieldValue) {
        switch value {
        case .null: self.append(text: "null")
        case .bool(let flag): self.append(text: flag ? "true" : "false")
        case .integer(let number): self.append(decimal: number)
        case .text(let text): self.append(jsonString: text)
        }
    }

    /// `<byte count>:<bytes>`, so that no two sequences of parts run together the same way.
    package mutating func append(lengthPrefixed text: String) {
        self.append(decimal: text.utf8.count)
        self.append(UInt8(ascii: ":"))
        self.append(text: text)
    }

    /// A value's ``FieldValue/storageText``, length-prefixed, without building that text.
    mutating func append(lengthPrefixed value: FieldValue) {
        switch value {
        case .text(let text):
            self.append(decimal: text.utf8.count + 2)
            self.append(text: ":t:")
            self.append(text: text)
        default:
            self.append(lengthPrefixed: value.storageText)
        }
    }

    /// Lower-case hexadecimal, two digits a byte.
    package mutating func append(hex bytes: some Sequence<UInt8>) {
        for byte in bytes {
            self.append(Hex.digits[Int(byte >> 4)])
            self.append(Hex.digits[Int(byte & 0x0F)])
        }
    }
}
