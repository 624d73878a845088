import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SignatoryBundles
import SignatoryDomain
import SignatoryStore

/// Admits a request under `/v1` only with a valid signature of an enrolled, unrevoked office
/// (see ``RequestSignature``), and puts that office in the request's context. It is the `/v1`
/// group's middleware, so nothing about the data is read before it has checked.
///
/// Unsigned, malformed, stale or badly signed requests and unknown offices get 401; revoked
/// offices get 403. The body's digest is checked when a route reads the body.
struct SignedRequestAuthenticator: RouterMiddleware {
    typealias Context = HubRequestContext

    let database: StoreActor
    let clock: @Sendable () -> Date

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let member = try await self.member(for: request)
        var context = context
        context.member = member
        context.logger[metadataKey: "office"] = .string(member.card.id.description)
        return try await next(request, context)
    }

    func member(for request: Request) async throws -> HubMember {
        let credentials: RequestSignature.Credentials
        do throws(RequestSignature.CredentialError) {
            credentials = try RequestSignature.credentials(
                office: request.headers[HTTPField.Name(RequestSignature.officeHeader)!],
                timestamp: request.headers[HTTPField.Name(RequestSignature.timestampHeader)!],
                signature: request.headers[HTTPField.Name(RequestSignature.signatureHeader)!],
                now: self.clock()
            )
        } catch {
            throw HubError.unauthenticated(error.description)
        }
        let (office, timestamp, signature) = (credentials.office, credentials.timestamp, credentials.signature)
        guard let member = try await self.database.run({ try $0.hubMember(office) }) else {
            throw HubError.unauthenticated(
                "office \(office) is not enrolled on this hub; ask the hub's operator to enroll its card"
            )
        }
        let digest =
            request.headers[HTTPField.Name(RequestSignature.digestHeader)!] ?? RequestSignature.digest([UInt8]())
        let message = RequestSignature.message(
            method: request.method.rawValue,
            target: request.uri.description,
            timestamp: timestamp,
            bodyDigest: digest
        )
        guard member.card.verify(signature, of: message) else {
            throw HubError.unauthenticated(
                "the request's signature does not verify with office \(office)'s enrolled key"
            )
        }
        guard !member.isRevoked else { throw HubError.forbidden("office \(member.card.name) was revoked on this hub") }
        return member
    }
}

extension Request {
    /// The body, at most `limit` bytes, checked against the signed `Signatory-Content-SHA256`.
    func verifiedBody(limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await buffer in self.body {
                guard bytes.count + buffer.readableBytes <= limit else { throw HubError.tooLarge(limit: limit) }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as HubError {
            throw error
        } catch {
            // The client closed the connection or broke the framing mid-body: its request, not the hub, failed.
            throw HubError.badRequest("incomplete_body", "the body ended before the length it announced")
        }
        let declared =
            self.headers[HTTPField.Name(RequestSignature.digestHeader)!] ?? RequestSignature.digest([UInt8]())
        guard RequestSignature.digest(bytes) == declared else {
            throw HubError.unauthenticated("the body does not match its signed Signatory-Content-SHA256")
        }
        return bytes
    }
}
