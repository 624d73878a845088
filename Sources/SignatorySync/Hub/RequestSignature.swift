import Crypto
import Foundation
import SignatoryDomain

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
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The three headers of a signed request.
    public static func headers(
        method: String, target: String, bodyDigest: String, office: ID<Office>, keys: OfficeKeys, now: Date = Date()
    ) throws -> [String: String] {
        let timestamp = Int64(now.timeIntervalSince1970 * 1000)
        let signature = try keys.sign(self.message(method: method, target: target, timestamp: timestamp, bodyDigest: bodyDigest))
        return [self.officeHeader: office.description, self.timestampHeader: String(timestamp), self.signatureHeader: signature,
                self.digestHeader: bodyDigest]
    }
}
