extension Templates {
    /// `/`: the campaigns, their statements' counts, and what needs attention after a sync.
    static let start = """
        <h1>{{t.campaigns}}</h1>
        {{#attention}}<p class="attention"><a href="/sync">{{attention}}</a></p>{{/attention}}
        {{#hasCampaigns}}
        <table class="data">
        <caption>{{t.campaignsCaption}}</caption>
        <thead><tr><th scope="col">{{t.campaign}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.statements}}</th><th scope="col">{{t.bySignatureStatus}}</th><th scope="col">{{t.signedByECOSOC}}</th></tr></thead>
        <tbody>
        {{#campaigns}}
        <tr><td><a href="/campaigns/{{id}}"><bdi>{{name}}</bdi></a></td><td>{{status}}</td><td>{{statementCount}}</td><td>{{byStatus}}</td><td>{{byECOSOC}}</td></tr>
        {{/campaigns}}
        </tbody>
        </table>
        {{/hasCampaigns}}
        {{^campaigns}}<p>{{t.noCampaigns}}</p>{{/campaigns}}
        <section class="form" aria-labelledby="new-campaign">
        <h2 id="new-campaign">{{t.newCampaign}}</h2>
        <form method="post" action="/campaigns">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="campaign-name">{{t.name}}</label> <input id="campaign-name" name="name" required maxlength="500"></p>
        <p><label for="campaign-description">{{t.description}}</label> <textarea id="campaign-description" name="description" rows="2"></textarea></p>
        <p><button type="submit">{{t.createCampaign}}</button></p>
        </form>
        </section>
        """

    /// `/campaigns/ID`: one campaign's statements and a form for another.
    static let campaign = """
        <p class="crumbs"><a href="/">{{t.campaigns}}</a></p>
        <h1><bdi>{{name}}</bdi></h1>
        {{#description}}<p>{{description}}</p>{{/description}}
        <p>{{t.status}}: {{status}} · <a href="/exports?scope=campaign:{{id}}">{{t.contactSheets}}</a></p>
        <table class="data">
        <caption>{{t.statements}}</caption>
        <thead><tr><th scope="col">{{t.statement}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.bySignatureStatus}}</th><th scope="col">{{t.signedByECOSOC}}</th></tr></thead>
        <tbody>
        {{#statements}}
        <tr><td><a href="/statements/{{id}}"><bdi>{{title}}</bdi></a></td><td>{{status}}</td><td>{{byStatus}}</td><td>{{byECOSOC}}</td></tr>
        {{/statements}}
        {{^statements}}<tr><td colspan="4">{{t.noStatements}}</td></tr>{{/statements}}
        </tbody>
        </table>
        <section class="form" aria-labelledby="new-statement">
        <h2 id="new-statement">{{t.newStatement}}</h2>
        <form method="post" action="/campaigns/{{id}}/statements">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="statement-title">{{t.title}}</label> <input id="statement-title" name="title" required maxlength="500"></p>
        <p><label for="statement-body">{{t.wording}}</label> <textarea id="statement-body" name="body" rows="8" required></textarea></p>
        <p><label for="statement-language">{{t.language}}</label> <input id="statement-language" name="language" value="en" size="8"></p>
        <p><label for="statement-lead">{{t.leadOrganisation}}</label>
        <select id="statement-lead" name="lead"><option value="">{{t.none}}</option>{{#organisations}}<option value="{{id}}">{{name}}</option>{{/organisations}}</select></p>
        <p><button type="submit">{{t.createStatement}}</button></p>
        </form>
        </section>
        """
}
