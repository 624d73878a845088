import Crypto
public import Foundation
public import SignatoryDomain

/// How an office signs a request to the hub, and how the hub checks it.
///
/// The office signs, with its Ed25519 key, a message made of the method, the path with its
/// query, the time in milliseconds and the SHA-256 of the body; the hub verifies it with the
/// key on the card it enrolled before reading anything, refuses times more than five minutes
/// off its clock, and checks the body against the digest as it reads it.
///
/// ```swift
/// let headers = try RequestSignature.headers(method: "POST", target: "/v1/sync/push", body: bytes,
///                                            office: store.office.id, keys: try store.officeKeys())
/// ```
public enum RequestSignature {
    public static let officeHeader = "Signatory-Office"
    public static let timestampHeader = "Signatory-Timestamp"
    public static let signatureHeader = "Signatory-Signature"
    /// The SHA-256 of the body in lower-case hex; signed, and checked as the body is read.
    public static let digestHeader = "Signatory-Content-SHA256"
    /// How far a request's time may be from the hub's clock, in milliseconds.
    public static let window: Int64 = 5 * 60 * 1000

    public static func message(method: String, target: String, timestamp: Int64, bodyDigest: String) -> String {
        "signatory-request-v1\n\(method.uppercased())\n\(target)\n\(timestamp)\n\(bodyDigest)"
    }

    /// The SHA-256 of a body, in lower-case hex.
    public static func digest<Bytes: Sequence>(_ body: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: Array(body))
        return Hex.string(hasher.finalize())
    }

    /// The three headers of a signed request.
    public static func headers(
        method: String,
        target: String,
        bodyDigest: String,
        office: ID<Office>,
        keys: OfficeKeys,
        now: Date = Date()
    ) throws -> [String: String] {
        let timestamp = self.milliseconds(now)
        let signature = try keys.sign(
            self.message(method: method, target: target, timestamp: timestamp, bodyDigest: bodyDigest)
        )
        return [
            self.officeHeader: office.description, self.timestampHeader: String(timestamp),
            self.signatureHeader: signature,
            self.digestHeader: bodyDigest,
        ]
    }

    /// Milliseconds since 1970, clamped to `Int64` for any date (`0` for NaN).
    public static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.towardZero)
        guard !value.isNaN else { return 0 }
        return Int64(exactly: value) ?? (value > 0 ? .max : .min)
    }
}

// MARK: Checking a request's credentials

extension RequestSignature {
    /// What a signed request claims: who signed it, when, and the signature to verify.
    public struct Credentials: Hashable, Sendable {
        public let office: ID<Office>
        /// Milliseconds since 1970, as signed.
        public let timestamp: Int64
        public let signature: String
    }

    /// Reads the credential headers and checks the time against `now`; the signature is the
    /// caller's to verify with the office's enrolled key. Never traps, whatever the headers hold.
    ///
    /// ```swift
    /// let credentials = try RequestSignature.credentials(office: o, timestamp: t, signature: s, now: Date())
    /// ```
    public static func credentials(
        office: String?,
        timestamp: String?,
        signature: String?,
        now: Date
    ) throws(CredentialError) -> Credentials {
        guard let office, let timestamp, let signature else { throw .unsigned }
        guard let id = ID<Office>(office), let time = self.decimal(timestamp) else { throw .malformed }
        // `now - time` can overflow for hostile times: an overflow is as stale as it gets.
        let (difference, overflow) = self.milliseconds(now).subtractingReportingOverflow(time)
        guard !overflow, difference.magnitude <= self.window.magnitude else { throw .stale }
        return Credentials(office: id, timestamp: time, signature: signature)
    }

    /// A plain ASCII decimal: an optional `-`, then 1 to 19 digits, and nothing else.
    static func decimal(_ text: String) -> Int64? {
        let utf8 = Array(text.utf8)
        let digits = utf8.first == UInt8(ascii: "-") ? utf8.dropFirst() : utf8[...]
        guard (1...19).contains(digits.count), digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            return nil
        }
        return Int64(text)
    }

    /// Why a request's credentials were refused; the hub answers 401 with the description.
    public struct CredentialError: Error, Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable { case unsigned, malformed, stale }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A credential header is missing.
        public static let unsigned = CredentialError(.unsigned)
        /// The office is not an id, or the time not a plain decimal of milliseconds.
        public static let malformed = CredentialError(.malformed)
        /// The time is more than ``RequestSignature/window`` from the clock, or absurdly far.
        public static let stale = CredentialError(.stale)

        public var description: String {
            switch self.base {
            case .unsigned: return "the request is not signed"
            case .malformed: return "the Signatory-Office or Signatory-Timestamp header is malformed"
            case .stale: return "the request's time is more than five minutes from the hub's clock"
            }
        }
    }
}
