import Hummingbird
import SignatoryDomain
import SignatoryStore

extension WebRoutes {
    func registerCosigners(in router: Router<WebRequestContext>) {
        router.get("/statements/{id}/cosigners/new") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            var page = CosignerPage(text: context.language.text, statement: id)
            let query = request.formQuery
            page.typed = Self.typed { query[$0] }
            let cosignerPage = page
            return try await self.page("cosigner", request, context) { store, _ in try cosignerPage.context(store) }
        }
        router.post("/statements/{id}/cosigners") { request, context in
            let id: ID<JointStatement> = try Self.id(context)
            let form = try await WebForm(request, context: context)
            let text = context.language.text
            var page = CosignerPage(text: text, statement: id)
            page.typed = Self.typed { form[$0] }
            let checked = page
            // "cosignerAdded", "cosignerAddedAtRisk", or `nil` when a tick is missing.
            let added = try await self.database.run { store -> String? in
                try store.transaction {
                    guard let statement = try store.statement(id) else {
                        throw StoreError.notFound("statement", reference: id.description)
                    }
                    let organisation = try Self.organisation(form, checked: checked, text: text, in: store)
                    guard let organisation else { return nil }
                    var contact: ContactPerson?
                    var outcome = "cosignerAdded"
                    if let name = form["contactName"] {
                        var person = ContactPerson(
                            organisationID: organisation,
                            fullName: name,
                            title: form["contactTitle"],
                            email: try form["contactEmail"].map { try EmailAddress($0) },
                            phone: try form["contactPhone"].map { try PhoneNumber($0) },
                            atRisk: form.isTicked("atRisk"),
                            consentToPublish: form.isTicked("contactConsent")
                        )
                        // Someone who may be a person at risk entered again is marked at risk.
                        if !person.atRisk, try store.protectedIdentities().protects(person) {
                            person.atRisk = true
                            outcome = "cosignerAddedAtRisk"
                        }
                        try store.insert(person)
                        contact = person
                    }
                    try store.record(
                        try SignatureStatus(parsing: form["status"] ?? "signed"),
                        by: organisation,
                        on: statement,
                        contact: contact?.id,
                        consent: form.isTicked("consent"),
                        source: .coordinator
                    )
                    return outcome
                }
            }
            guard let added else {
                // A new organisation that looks like one held: the form again, with the candidates.
                return try await self.page(
                    "cosigner",
                    request,
                    context,
                    status: .conflict,
                    problem: text["confirmNewProblem"]
                ) { store, _ in try checked.context(store) }
            }
            return Self.redirect("/statements/\(id)", done: added)
        }
    }

    static func typed(_ value: (String) -> String?) -> CosignerPage.Typed {
        CosignerPage.Typed(
            name: value("name")?.nonBlank,
            acronym: value("acronym")?.nonBlank,
            country: value("country")?.nonBlank,
            icso: value("icso")?.nonBlank,
            email: value("email")?.nonBlank
        )
    }

    /// The organisation the form chose: one held, or a new one, which needs a tick when it
    /// looks like one held. `nil` when that tick is missing: nothing is written.
    private static func organisation(
        _ form: WebForm,
        checked page: CosignerPage,
        text: WebText,
        in store: Store
    ) throws -> ID<Organisation>? {
        guard let choice = form["organisation"] else { throw WebError.badForm(text["errorChooseOrganisation"]) }
        if choice != "new" {
            guard let id = ID<Organisation>(choice), try store.organisation(id) != nil else {
                throw WebError.badForm(text["errorChooseOrganisation"])
            }
            return id
        }
        if !form.isTicked("confirmNew"), try !page.candidates(in: store).isEmpty { return nil }
        let organisation = Organisation(
            name: page.typed.name ?? "",
            acronym: page.typed.acronym,
            country: try page.typed.country.map { try CountryCode($0) },
            ecosoc: try form["ecosoc"].map { try ECOSOCCategory(parsing: $0) } ?? .none,
            icsoNumber: try page.typed.icso.map { try ICSONumber($0) }
        )
        try store.insert(organisation)
        return organisation.id
    }
}
