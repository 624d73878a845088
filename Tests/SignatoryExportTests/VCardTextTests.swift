import Foundation
import Testing

@testable import SignatoryExport

/// A value escaped into a copy and a value escaped as it is written read the same once unfolded;
/// only the streamed one keeps each backslash on the line of the character it escapes.
struct VCardTextTests {
    static let values = [
        "Friends of Dharma; Asia", "a\r\nb\nc\rd\n\re", "back\\slash, comma", "\r\n\n",
        String(repeating: "Unión, ", count: 20), String(repeating: ";", count: 80),
    ]

    @Test(arguments: VCardTextTests.values)
    func escapingAsWrittenMatchesTheEscapedCopy(_ value: String) {
        var copied = ByteSink()
        VCardText.line("NOTE", VCardText.escape(value), to: &copied)
        var streamed = ByteSink()
        VCardText.line("NOTE", escaping: value, to: &streamed)
        #expect(Self.unfolded(streamed.collected) == Self.unfolded(copied.collected))
        let lines = String(decoding: streamed.collected, as: UTF8.self).components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= VCardText.maximumLineOctets)
            let trailingBackslashes = line.reversed().prefix { $0 == "\\" }.count
            #expect(trailingBackslashes % 2 == 0, "a fold split an escape: \(line)")
        }
    }

    static func unfolded(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
    }

    @Test func lineBreaksAndSeparatorsAreEscapedOnce() {
        #expect(VCardText.escape("a\r\nb\nc\rd; e, f\\") == "a\\nb\\nc\\nd\\; e\\, f\\\\")
        #expect(VCardText.escape("plain") == "plain")
    }
}
