import Foundation
import HTTPTypes
import Hummingbird

/// A failure the hub reports as JSON: `{"status": 401, "code": "unauthenticated", "message": "…"}`.
struct HubError: Error, Sendable, CustomStringConvertible {
    private enum Base: Sendable {
        case unauthenticated(String)
        case forbidden(String)
        case badRequest(code: String, String)
        case notFound(String)
        case tooLarge(limit: Int)
        case refusedBundle(String)
        case unavailable(String)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static func unauthenticated(_ message: String) -> HubError { .init(.unauthenticated(message)) }
    static func forbidden(_ message: String) -> HubError { .init(.forbidden(message)) }
    static func badRequest(_ code: String, _ message: String) -> HubError { .init(.badRequest(code: code, message)) }
    static func notFound(_ message: String) -> HubError { .init(.notFound(message)) }
    static func tooLarge(limit: Int) -> HubError { .init(.tooLarge(limit: limit)) }
    /// A bundle that failed a check a file import makes (signature, chain, trust, skew…).
    static func refusedBundle(_ message: String) -> HubError { .init(.refusedBundle(message)) }
    /// The hub itself cannot do the work now, e.g. its temporary folder is full; worth retrying.
    static func unavailable(_ message: String) -> HubError { .init(.unavailable(message)) }

    var status: HTTPResponse.Status {
        switch self.base {
        case .unauthenticated: return .unauthorized
        case .forbidden: return .forbidden
        case .badRequest: return .badRequest
        case .notFound: return .notFound
        case .tooLarge: return .contentTooLarge
        case .refusedBundle: return .unprocessableContent
        case .unavailable: return .serviceUnavailable
        }
    }

    var code: String {
        switch self.base {
        case .unauthenticated: return "unauthenticated"
        case .forbidden: return "forbidden"
        case .badRequest(let code, _): return code
        case .notFound: return "not_found"
        case .tooLarge: return "body_too_large"
        case .refusedBundle: return "bundle_refused"
        case .unavailable: return "unavailable"
        }
    }

    var description: String {
        switch self.base {
        case .unauthenticated(let message), .forbidden(let message), .badRequest(_, let message),
            .notFound(let message),
            .refusedBundle(let message), .unavailable(let message):
            return message
        case .tooLarge(let limit):
            return
                "the request body is larger than this hub accepts (\(limit) bytes)"
        }
    }
}
