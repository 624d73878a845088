import Crypto

/// How a change's hash commits to one field's value, and so whether the value can later be erased
/// while the hash still verifies.
///
/// ```swift
/// let salt = ValueCommitment.newSalt()
/// let digest = ValueCommitment.digest(field: "email", value: .text("a@b.org"), salt: salt)
/// ```
public enum ValueCommitment: Hashable, Sendable {
    /// Format 1: the value itself is hashed, so removing it breaks the hash.
    case plain
    /// Format 2: the hash covers a digest of the value and this random 16-byte salt.
    case salted([UInt8])
    /// Format 2, erased: only the digest is left, and the hash still verifies.
    case erased(digest: String)
    /// Format 1, erased: the hash can no longer be recomputed; a signed erasure names it instead.
    case erasedFormer

    public static let saltLength = 16

    /// A new random salt: unguessable, so a digest reveals nothing of a short value such as a phone number.
    public static func newSalt() -> [UInt8] { RandomBytes.next(Self.saltLength) }

    /// SHA-256 over the salt, the field name and the value, length-prefixed, as lower-case hex.
    public static func digest(field: String, value: FieldValue, salt: [UInt8]) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        Self.appendDigest(field: field, value: value, salt: salt, to: &hex)
        return String(decoding: hex, as: UTF8.self)
    }

    /// ``digest(field:value:salt:)``'s 64 hex digits, appended to `out` without building a string:
    /// a change's hash takes one per value.
    static func appendDigest(field: String, value: FieldValue, salt: [UInt8], to out: inout [UInt8]) {
        var input: [UInt8] = []
        input.reserveCapacity(96 + field.utf8.count)
        input.append(lengthPrefixed: "signatory-value-2")
        input.append(contentsOf: salt)
        input.append(lengthPrefixed: field)
        input.append(lengthPrefixed: value)
        out.append(hex: SHA256.hash(data: input))
    }

    /// Whether the value was removed.
    public var isErased: Bool {
        switch self {
        case .erased, .erasedFormer: return true
        case .plain, .salted: return false
        }
    }

    /// Whether a change in `format` may commit a value this way.
    func belongs(in format: ChangeFormat) -> Bool {
        switch self {
        case .plain, .erasedFormer: return format == .one
        case .salted, .erased: return format != .one
        }
    }
}
