import Foundation
import SignatoryBundles
import SignatoryDomain

/// The hub's check of a request's credential headers. The input is up to five lines:
/// office, timestamp, signature, then optionally the hub's clock (seconds since 1970,
/// default `fixedNow`) and the request target. Accepted credentials must lie within the
/// window, and a request signed at any clock must be accepted at that clock.
enum RequestCredentialsTarget {
    /// A fixed key, so that seeds can carry a signature that verifies.
    static let keys = OfficeKeys(privateKeyBase64: "c2lnbmF0b3J5LWZ1enota2V5LW5vdC1hLXNlY3JldCE=")!
    static let office = ID<Office>("6f1c1c2e-8d0a-4c47-9a38-2f4f1d6f3b10")!
    static let card = OfficeCard(id: office, name: "Fuzz", publicKey: keys.publicKey)
    static let fixedNow: TimeInterval = 1_785_000_000
    static let emptyDigest = RequestSignature.digest([UInt8]())

    static func run(_ input: [UInt8]) {
        let lines = input.split(separator: UInt8(ascii: "\n"), maxSplits: 4, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        func line(_ index: Int) -> String? { index < lines.count ? lines[index] : nil }
        let now = Date(timeIntervalSince1970: line(3).flatMap(Double.init) ?? self.fixedNow)
        let target = line(4) ?? "/v1/sync/pull"
        let credentials: RequestSignature.Credentials
        do throws(RequestSignature.CredentialError) {
            credentials = try RequestSignature.credentials(
                office: line(0),
                timestamp: line(1),
                signature: line(2),
                now: now
            )
        } catch {
            check(!error.description.isEmpty, "a refusal without a reason")
            return
        }
        check(Int64(line(1)!) == credentials.timestamp, "the timestamp read is not the one sent")
        let (difference, overflow) = RequestSignature.milliseconds(now).subtractingReportingOverflow(
            credentials.timestamp
        )
        check(!overflow && difference.magnitude <= RequestSignature.window.magnitude, "a stale time was accepted")
        let message = RequestSignature.message(
            method: "POST",
            target: target,
            timestamp: credentials.timestamp,
            bodyDigest: self.emptyDigest
        )
        _ = self.card.verify(credentials.signature, of: message)
        self.signAndCheck(target: target, now: now)
    }

    /// The office's side: the headers it signs at `now` pass the check at `now` and verify.
    private static func signAndCheck(target: String, now: Date) {
        do {
            let headers = try RequestSignature.headers(
                method: "POST",
                target: target,
                bodyDigest: self.emptyDigest,
                office: self.office,
                keys: self.keys,
                now: now
            )
            let sent = try RequestSignature.credentials(
                office: headers[RequestSignature.officeHeader],
                timestamp: headers[RequestSignature.timestampHeader],
                signature: headers[RequestSignature.signatureHeader],
                now: now
            )
            let message = RequestSignature.message(
                method: "POST",
                target: target,
                timestamp: sent.timestamp,
                bodyDigest: self.emptyDigest
            )
            check(
                sent.office == self.office && self.card.verify(sent.signature, of: message),
                "a signed request does not verify"
            )
        } catch {
            fatalError("a request signed at \(now) is refused at the same time: \(error)")
        }
    }
}
