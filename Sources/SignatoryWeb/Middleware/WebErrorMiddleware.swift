import HTTPTypes
import Hummingbird
import Logging
import SignatoryDomain
import SignatoryExport
import SignatoryImport
import SignatoryStore

/// Turns a refusal into a page that says, in the coordinator's words, what was wrong; the
/// store's typed errors keep their own sentences. Anything unexpected is logged and answered
/// 500 without its details.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let renderer: PageRenderer

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let text = context.language.text
            let (status, explanation) = Self.explain(error, text: text, logger: context.logger)
            // An error may quote what was sent, bidi overrides included: shown, never obeyed.
            let message = TerminalText.neutralised(explanation)
            let chrome = Chrome(text: text, officeName: nil, csrfToken: "")
            var response = WebRoutes.html(
                self.renderer.render(
                    "error",
                    title: text["errorTitle"],
                    context: ["heading": text["errorTitle"], "message": message],
                    chrome: chrome
                ),
                status: status
            )
            if status == .unauthorized { response.headers[.wwwAuthenticate] = "Cookie" }
            return response
        }
    }

    static func explain(_ error: any Error, text: WebText, logger: Logger) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as WebError: return (error.status, error.message(text))
        case let error as StoreError where error.isNotFound: return (.notFound, error.description)
        case let error as StoreError: return (.conflict, error.description)
        case let error as DomainError: return (.badRequest, error.description)
        case let error as PublishingError: return (.conflict, error.description)
        case let error as SignerImportError: return (.badRequest, error.description)
        case let error as HTTPError where error.status == .notFound: return (.notFound, text["errorNoSuchPage"])
        case let error as HTTPError: return (error.status, text["errorRequest"])
        default:
            logger.error("request failed: \(String(describing: error))")
            return (.internalServerError, text["errorInternal"])
        }
    }
}
