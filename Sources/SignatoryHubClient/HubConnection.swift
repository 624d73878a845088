import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SignatoryBundles
import SignatoryDomain

/// Signed HTTP requests from one office to a hub, retried when the network or the hub fails.
///
/// An `https` hub's certificate is checked against the system's roots, or against the
/// coalition's own authority when ``HubTrust/certificateAuthorityFile`` names one. Redirects
/// are not followed: a request is signed for the hub it was addressed to.
struct HubConnection: Sendable {
    /// What a hub answered with a 2xx status.
    struct Answer: Sendable {
        let body: Data
        let headers: HTTPHeaders

        func header(_ name: String) -> String? { self.headers.first(name: name) }
    }

    let base: URL
    let office: ID<Office>
    let keys: OfficeKeys
    /// Tries per request; waits double from half a second between them.
    let attempts: Int
    let client: HTTPClient

    /// The largest answer read: a pull page of 5,000 changes is about 4 MiB.
    static let largestAnswer = 128 << 20

    init(base: URL, office: ID<Office>, keys: OfficeKeys, trustRoots: [NIOSSLCertificate]?, attempts: Int = 5) {
        self.base = base
        self.office = office
        self.keys = keys
        self.attempts = attempts
        var tls = TLSConfiguration.makeClientConfiguration()
        if let trustRoots { tls.trustRoots = .certificates(trustRoots) }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            // A hub that falls silent for two minutes is given up on (a push waits while the hub
            // applies other offices' pushes); no request lasts more than ten.
            timeout: .init(connect: .seconds(15), read: .seconds(120))
        )
        configuration.httpVersion = .http1Only
        // A failed connection fails its request at once: `send` retries the network itself, and
        // a certificate that is not trusted must not be tried again until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async throws {
        try await self.client.shutdown()
    }

    /// Sends a signed request and returns the body and headers of a 2xx answer.
    func send(
        _ method: String,
        _ target: String,
        body: Data = Data(),
        contentType: String? = nil
    ) async throws -> Answer {
        guard let url = URL(string: target, relativeTo: self.base) else {
            throw HubClientError.badURL(self.base.absoluteString + target)
        }
        var delay: UInt64 = 500_000_000
        for attempt in 1...self.attempts {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = HTTPMethod(rawValue: method)
            if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
            // Signed afresh on each try, so a retry after a long wait is not stale.
            for (name, value) in try RequestSignature.headers(
                method: method,
                target: target,
                bodyDigest: RequestSignature.digest(body),
                office: self.office,
                keys: self.keys
            ) {
                request.headers.add(name: name, value: value)
            }
            let retryable: HubClientError
            do {
                let response = try await self.client.execute(request, timeout: .seconds(600))
                let bytes: ByteBuffer
                do {
                    bytes = try await response.body.collect(upTo: Self.largestAnswer)
                } catch is NIOTooManyBytesError {
                    throw HubClientError.unexpected("an answer larger than \(Self.largestAnswer >> 20) MiB")
                }
                let data = Data(bytes.readableBytesView)
                let status = Int(response.status.code)
                if (200..<300).contains(status) { return Answer(body: data, headers: response.headers) }
                let error = Self.refusal(status, data)
                // The hub's own failures and overload pass; refusals of the request do not.
                guard status >= 500 || status == 429 else { throw error }
                retryable = error
            } catch let error as HubClientError {
                throw error
            } catch let error where Self.isCertificateFailure(error) {
                // Trying again would meet the same certificate.
                throw HubClientError.untrustedCertificate(self.base.absoluteString, Self.certificateReason(error))
            } catch {
                retryable = HubClientError.unreachable(self.base.absoluteString, Self.reason(error))
            }
            if attempt == self.attempts { throw retryable }
            try await Task.sleep(nanoseconds: delay)
            delay *= 2
        }
        throw HubClientError.unreachable(self.base.absoluteString, "no attempt was made")
    }

    private static func isCertificateFailure(_ error: any Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError
    }

    private static func certificateReason(_ error: any Error) -> String {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "its certificate is for another address"
        }
        if String(describing: error).contains("CERTIFICATE_VERIFY_FAILED") {
            return "no trusted authority vouches for its certificate"
        }
        return "the TLS handshake failed"
    }

    /// A short reason for a failed connection, in words rather than a type's dump.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError where error == .connectTimeout: return "the connection timed out"
        case let error as HTTPClientError where error == .readTimeout || error == .deadlineExceeded:
            return "the hub did not answer in time"
        case let error as HTTPClientError where error == .remoteConnectionClosed:
            return "the hub closed the connection"
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first?.error as? IOError {
                return String(cString: strerror(failure.errnoCode)).lowercased()
            }
            return error.dnsAError != nil || error.dnsAAAAError != nil
                ? "the host name was not found" : "the connection failed"
        case let error as IOError: return String(cString: strerror(error.errnoCode)).lowercased()
        default:
            let text = String(describing: error)
            return text.count > 200 ? String(text.prefix(200)) + "…" : text
        }
    }

    private static func refusal(_ status: Int, _ data: Data) -> HubClientError {
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return HubClientError.refused(
            status: status,
            code: object?["code"] as? String ?? "error",
            message: object?["message"] as? String ?? String(decoding: data.prefix(200), as: UTF8.self)
        )
    }
}
