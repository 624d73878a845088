import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SignatoryDomain
import SignatoryStore

/// Turns every failure into `{"status", "code", "message"}` JSON with the matching status, and
/// logs it without personal data (method, path, status, code).
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, code, message) = Self.describe(error)
            context.logger.log(
                level: status.code >= 500 ? .error : .info,
                "request refused",
                metadata: [
                    "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                    "status": .stringConvertible(status.code), "code": .string(code),
                ]
            )
            return Self.response(status: status, code: code, message: message)
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponse.Status, String, String) {
        switch error {
        case let error as HubError:
            return (error.status, error.code, error.description)
        case let error as HTTPError:
            let code =
                error.status == .notFound
                ? "not_found"
                : error.status == .contentTooLarge
                    ? "body_too_large"
                    : error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            let message =
                error.status == .notFound
                ? "no such endpoint; see /openapi.json" : (error.body ?? error.status.reasonPhrase)
            return (error.status, code, message)
        case let error as StoreError where error.isNotFound:
            return (.notFound, "not_found", error.description)
        case let error as StoreError where error.code == .erased:
            return (.gone, "erased", error.description)
        case let error as StoreError:
            return (.conflict, "refused", error.description)
        case let error as DomainError:
            return (.badRequest, "invalid_value", error.description)
        case let error as SQLiteError where error.isBusy:
            return (.serviceUnavailable, "busy", "the hub's database is busy with another writer; try again shortly")
        case let error as SQLiteError where error.isConstraintViolation:
            return (.unprocessableContent, "refused", "the hub's database refused the change; nothing was applied")
        default:
            return (.internalServerError, "internal_error", "the hub failed to answer; its log says more")
        }
    }

    static func response(status: HTTPResponse.Status, code: String, message: String) -> Response {
        let object: [String: Any] = ["status": status.code, "code": code, "message": message]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        // Every 503 is worth retrying; say when (RFC 9110 §10.2.3).
        if status == .serviceUnavailable { headers[.retryAfter] = "2" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
