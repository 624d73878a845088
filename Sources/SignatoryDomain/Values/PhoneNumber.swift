import Foundation

/// A telephone number in E.164 form: `+`, a country calling code and at most 15 digits.
///
/// Spaces, dots, dashes and brackets that people type are dropped:
///
/// ```swift
/// let phone = try PhoneNumber("+41 (22) 555-01 00")  // "+41225550100"
/// ```
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public let e164: String

    public init(_ text: String) throws(DomainError) {
        // Already in E.164 (as stored and as most forms give it): check the bytes and keep it.
        let bytes = text.utf8
        if bytes.first == UInt8(ascii: "+"), (8...16).contains(bytes.count),
            bytes.dropFirst().first != UInt8(ascii: "0"),
            bytes.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        {
            self.e164 = text
            return
        }
        let trimmed = text.trimmedSpaces
        var digits = ""
        for (index, character) in trimmed.enumerated() {
            if index == 0 && character == "+" { continue }
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if !" .-()/".contains(character) {
                throw .invalidPhone(text)
            }
        }
        guard trimmed.hasPrefix("+"), (7...15).contains(digits.count), digits.first != "0" else {
            throw .invalidPhone(text)
        }
        self.e164 = "+" + digits
    }

    public var description: String { self.e164 }
}
