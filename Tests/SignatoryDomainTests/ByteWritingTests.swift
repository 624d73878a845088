import SignatoryDomain
import Testing

/// The hand-written number formatting of change lines and hashes prints exactly what Swift's
/// own `String(_:)` does, at the extremes too: a hash built otherwise would not verify elsewhere.
struct ByteWritingTests {
    static let numbers: [Int64] = [
        0, 1, 9, 10, 99, 100, 1_785_000_000_123, 999_999_999_999_999, -1, -10, Int64.max, Int64.min, Int64.min + 1,
    ]

    @Test(arguments: ByteWritingTests.numbers)
    func decimalsReadAsSwiftPrintsThem(_ number: Int64) {
        var out: [UInt8] = [UInt8(ascii: "x")]
        out.append(decimal: number)
        #expect(String(decoding: out, as: UTF8.self) == "x" + String(number))
    }

    @Test(arguments: ByteWritingTests.numbers)
    func lengthPrefixedDecimalsCountTheirDigits(_ number: Int64) {
        var fast: [UInt8] = [UInt8(ascii: "x")]
        fast.append(lengthPrefixedDecimal: number)
        var reference: [UInt8] = [UInt8(ascii: "x")]
        reference.append(lengthPrefixed: String(number))
        #expect(fast == reference)
    }

    @Test func aDigestHasOneSpelling() {
        let digest = String(repeating: "0123456789abcdef", count: 4)
        #expect(Hex.isDigest(digest))
        for refused in [
            digest.uppercased(), String(digest.dropLast()), digest + "0", String(digest.dropLast()) + "g",
            String(digest.dropLast()) + "é", "", String(repeating: " ", count: 64),
        ] {
            #expect(!Hex.isDigest(refused), "\(refused)")
        }
    }

    @Test func paddedDecimalsKeepTheirWidthAndNeverCutDigits() {
        for (number, width, expected) in [
            (7, 6, "000007"), (0, 6, "000000"), (123_456, 6, "123456"), (1_234_567, 6, "1234567"),
        ] as [(Int, Int, String)] {
            var out: [UInt8] = []
            out.append(decimal: number, zeroPaddedTo: width)
            #expect(String(decoding: out, as: UTF8.self) == expected)
        }
    }

    @Test func aTimestampReadsBackFromItsText() throws {
        let office = ID<Office>()
        let timestamp = HybridTimestamp(physical: 1_785_000_000_123, counter: 42, office: office)
        #expect(timestamp.text.hasPrefix("001785000000123.000042."))
        #expect(HybridTimestamp(text: timestamp.text) == timestamp)
    }
}
