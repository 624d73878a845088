import Foundation

/// The reason an erasure gives, checked against what the erasure removes.
///
/// The reason stays with the tombstone and travels to every office, where the person's values
/// are gone: a reason that repeats their name, email address or phone number would undo the
/// erasure it explains. Case and accents are ignored, and so is spacing in a phone number.
///
/// ```swift
/// let held: [FieldMap] = [["fullName": .text("Thierry Valle"), "email": .text("t.valle@example.org")]]
/// try ErasureReason.check("asked to be forgotten", against: held)   // fine
/// try ErasureReason.check("Valle asked us", against: held)          // throws: names the person
/// ```
public enum ErasureReason {
    /// Throws when `reason` repeats a word of three letters or more of any name the person held,
    /// one of their email addresses, or the last seven digits of one of their phone numbers.
    public static func check(_ reason: String, against held: [FieldMap]) throws(DomainError) {
        let words = Set(Self.words(of: reason))
        let folded = Self.folded(reason)
        let digits = String(
            reason.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.map(Character.init)
        )
        for values in held {
            if let name = values["fullName"]?.text,
                Self.words(of: name).contains(where: { $0.count >= 3 && words.contains($0) })
            {
                throw .reasonNamesPerson(field: "name")
            }
            if let email = values["email"]?.text, folded.contains(Self.folded(email)) {
                throw .reasonNamesPerson(field: "email address")
            }
            if let phone = values["phone"]?.text {
                let number = String(phone.filter(\.isASCII).filter(\.isNumber).suffix(7))
                if number.count == 7 && digits.contains(number) { throw .reasonNamesPerson(field: "phone number") }
            }
        }
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func words(of text: String) -> [String] {
        Self.folded(text).components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
    }
}
