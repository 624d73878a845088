import Crypto
import Foundation

extension OfficeCard {
    /// Thirty digits in six groups, for two people to read aloud and compare before one office
    /// trusts the other's card (as Signal's safety numbers and ssh's fingerprints are compared).
    /// It covers the office's id and public key, so a card with another key reads differently.
    ///
    /// ```swift
    /// print(try store.officeCard().fingerprint)   // "04127 88301 65530 21984 70216 33409"
    /// ```
    public var fingerprint: String {
        let digest = Array(SHA256.hash(data: Data("signatory-fingerprint-1\n\(self.id)\n\(self.publicKey)".utf8)))
        return (0..<6).map { group in
            // Five bytes (40 bits) per group, reduced to five digits; the bias of the reduction
            // is below one part in ten million.
            let value = digest[group * 5..<group * 5 + 5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let digits = String(value % 100_000)
            return String(repeating: "0", count: 5 - digits.count) + digits
        }
        .joined(separator: " ")
    }
}
