/// Writing a change's JSON line and hash input straight into bytes: both run for every change
/// written or received, and building intermediate strings cost more than the hashing itself.
extension Array where Element == UInt8 {
    package mutating func append(text: String) {
        self.append(contentsOf: text.utf8)
    }

    /// The integer in decimal. Written digit by digit: `String(value)` goes through the generic
    /// radix formatter, and every change written or hashed prints several numbers.
    package mutating func append(decimal value: some BinaryInteger) {
        guard let number = Int64(exactly: value) else {
            self.append(contentsOf: String(value).utf8)
            return
        }
        if number < 0 { self.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        guard magnitude > 0 else {
            self.append(UInt8(ascii: "0"))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            self.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// The integer in decimal, with zeros in front up to `width` characters.
    package mutating func append(decimal value: some BinaryInteger, zeroPaddedTo width: Int) {
        let start = self.count
        self.append(decimal: value)
        let written = self.count - start
        if written < width {
            self.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - written), at: start)
        }
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

    /// `<digit count>:<digits>` of an integer, without building its text.
    package mutating func append(lengthPrefixedDecimal value: Int64) {
        let start = self.count
        self.append(decimal: value)
        // At most 20 characters: the count has one or two digits.
        let written = self.count - start
        let prefix: [UInt8] =
            written < 10
            ? [UInt8(ascii: "0") + UInt8(written), UInt8(ascii: ":")]
            : [UInt8(ascii: "0") + UInt8(written / 10), UInt8(ascii: "0") + UInt8(written % 10), UInt8(ascii: ":")]
        self.insert(contentsOf: prefix, at: start)
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
        self.reserveCapacity(self.count + 2 * bytes.underestimatedCount)
        for byte in bytes {
            self.append(Hex.digits[Int(byte >> 4)])
            self.append(Hex.digits[Int(byte & 0x0F)])
        }
    }
}
