import Hummingbird
import SignatoryDomain
import SignatoryStore

extension WebRoutes {
    func registerCampaigns(in router: Router<WebRequestContext>) {
        router.get("/") { request, context in
            try await self.page("start", request, context) { store, text in
                (text["campaigns"], try StartPage(text: text).context(store))
            }
        }
        router.post("/campaigns") { request, context in
            let form = try await WebForm(request, context: context)
            let campaign = Campaign(name: form["name"] ?? "", description: form["description"] ?? "")
            try await self.database.run { store in try store.insert(campaign) }
            return Self.redirect("/campaigns/\(campaign.id)", done: "campaignCreated")
        }
        router.get("/campaigns/{id}") { request, context in
            let id: ID<Campaign> = try Self.id(context)
            return try await self.page("campaign", request, context) { store, text in
                try CampaignPage(text: text, campaign: id).context(store)
            }
        }
        router.post("/campaigns/{id}/statements") { request, context in
            let campaign: ID<Campaign> = try Self.id(context)
            let form = try await WebForm(request, context: context)
            let language = try LanguageTag(form["language"] ?? "en")
            let lead: ID<Organisation>? = try form["lead"].map {
                guard let id = ID<Organisation>($0) else { throw WebError.badForm(context.language.text["errorLead"]) }
                return id
            }
            let statement = JointStatement(
                campaignID: campaign,
                title: form["title"] ?? "",
                body: form["body"] ?? "",
                language: language,
                leadOrganisationID: lead
            )
            try await self.database.run { store in
                guard try store.campaign(campaign) != nil else {
                    throw StoreError.notFound("campaign", reference: campaign.description)
                }
                try store.insert(statement)
            }
            return Self.redirect("/statements/\(statement.id)", done: "statementCreated")
        }
    }
}
