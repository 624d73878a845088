import Foundation
import HTTPTypes
import Hummingbird

/// Why the app refused a request, with the status it answers and a sentence for the coordinator.
struct WebError: Error, Sendable {
    private enum Reason: Sendable, Hashable {
        case signedOut, badLoginToken, wrongHost, crossOrigin, badCSRFToken
        case notFound(String)
        case badForm(String)
        case tooLarge(Int)
    }

    private let reason: Reason

    static let signedOut = WebError(reason: .signedOut)
    static let badLoginToken = WebError(reason: .badLoginToken)
    static let wrongHost = WebError(reason: .wrongHost)
    static let crossOrigin = WebError(reason: .crossOrigin)
    static let badCSRFToken = WebError(reason: .badCSRFToken)
    static func notFound(_ what: String) -> WebError { WebError(reason: .notFound(what)) }
    static func badForm(_ why: String) -> WebError { WebError(reason: .badForm(why)) }
    static func tooLarge(bytes: Int) -> WebError { WebError(reason: .tooLarge(bytes)) }

    var status: HTTPResponse.Status {
        switch self.reason {
        case .signedOut, .badLoginToken: return .unauthorized
        case .wrongHost: return .misdirectedRequest
        case .crossOrigin, .badCSRFToken: return .forbidden
        case .notFound: return .notFound
        case .badForm: return .badRequest
        case .tooLarge: return .contentTooLarge
        }
    }

    /// The explanation, in the interface's language where the app has one.
    func message(_ text: WebText) -> String {
        switch self.reason {
        case .signedOut: return text["errorSignedOut"]
        case .badLoginToken: return text["errorBadLoginToken"]
        case .wrongHost: return text["errorWrongHost"]
        case .crossOrigin: return text["errorCrossOrigin"]
        case .badCSRFToken: return text["errorBadCSRFToken"]
        case .notFound(let what): return text["errorNotFound"] + " " + what
        case .badForm(let why): return why
        case .tooLarge(let bytes): return text["errorTooLarge"] + " \(bytes >> 20) MiB."
        }
    }
}
