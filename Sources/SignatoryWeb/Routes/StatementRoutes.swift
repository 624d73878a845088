import Hummingbird
import SignatoryDomain
import SignatoryExport
import SignatoryStore

extension WebRoutes {
    func registerStatements(in router: Router<WebRequestContext>) {
        router.get("/statements/{id}") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            var page = StatementPage(text: context.language.text, statement: id, renderer: self.renderer)
            let query = request.formQuery
            page.filter.search = query["q"].flatMap(\.nonBlank)
            page.filter.status = query["status"].flatMap(SignatureStatus.init(rawValue:))
            page.filter.sort = query["sort"].flatMap(StatementPage.Filter.Column.init(rawValue:)) ?? .organisation
            let statementPage = page
            return try await self.page("statement", request, context) { store, _ in try statementPage.context(store) }
        }
        router.get("/statements/{id}/print") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            return try await self.page("printable", request, context) { store, text in
                try PrintablePage(text: text, statement: id).context(store)
            }
        }
        router.post("/statements/{id}/status") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            let form = try await WebForm(request, context: context)
            var change = StatementStatusChange(to: try StatementStatus(parsing: form["status"] ?? ""))
            change.date = try form["date"].map { try CalendarDate($0) }
            change.place = form["place"]
            change.occasion = form["occasion"]
            change.confirmOlderWordings = form.isTicked("confirmOlderWordings")
            let statusChange = change
            do {
                try await self.database.run { store in _ = try statusChange.apply(to: id, in: store) }
            } catch let error as PublishingError where !error.olderWordings.isEmpty {
                // The statement page again, with who signed an older wording and the box to tick.
                let text = context.language.text
                return try await self.page(
                    "statement",
                    request,
                    context,
                    status: .conflict,
                    problem: text["olderWordingsProblem"],
                    problemLines: error.olderWordings
                ) { store, text in
                    try StatementPage(text: text, statement: id, renderer: self.renderer).context(store)
                }
            }
            return Self.redirect("/statements/\(id)", done: "statusChanged")
        }
    }
}
