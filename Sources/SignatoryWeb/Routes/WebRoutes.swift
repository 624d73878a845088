import Foundation
import HTTPTypes
import Hummingbird
import SignatoryDomain
import SignatoryStore

/// What every route handler shares: the database, the sessions, the page renderer.
struct WebRoutes: Sendable {
    let database: StoreActor
    let sessions: SessionBook
    let renderer: PageRenderer
    let configuration: WebConfiguration

    func register(in router: Router<WebRequestContext>) {
        router.get("/static/app.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: AppStyle.css))
            )
        }
        self.registerCampaigns(in: router)
        self.registerStatements(in: router)
        self.registerCosigners(in: router)
        self.registerImport(in: router)
        self.registerExports(in: router)
        self.registerSync(in: router)
    }

    /// A page: `build` reads the store and gives the title and the template's values.
    func page(
        _ template: String,
        _ request: Request,
        _ context: WebRequestContext,
        status: HTTPResponse.Status = .ok,
        problem: String? = nil,
        problemLines: [String] = [],
        build: @escaping @Sendable (Store, WebText) throws -> (title: String, context: [String: Any])
    ) async throws -> Response {
        let session = try context.requireSession()
        let text = context.language.text
        // Only a known key: the address never puts its own words on the page.
        let flash = request.formQuery["done"].flatMap { text.strings["done." + $0] }
        let renderer = self.renderer
        let html = try await self.database.run { store in
            let chrome = Chrome(
                text: text,
                officeName: store.office.name,
                csrfToken: session.csrfToken,
                flash: flash,
                problem: problem,
                problemLines: problemLines
            )
            return try renderer.page(template, in: store, chrome: chrome, build: build)
        }
        return Self.html(html, status: status)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// 303 to `path`, with the flash message `done` names.
    static func redirect(_ path: String, done: String? = nil) -> Response {
        Response(status: .seeOther, headers: [.location: done.map { "\(path)?done=\($0)" } ?? path])
    }

    /// The path's `{id}` as an id of `Subject`; a malformed one names nothing, so 404.
    static func id<Subject>(_ context: WebRequestContext, _ name: String = "id") throws -> ID<Subject> {
        guard let text = context.parameters.get(name), let id = ID<Subject>(text) else {
            throw WebError.notFound(context.language.text["page"])
        }
        return id
    }
}
