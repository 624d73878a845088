extension Templates {
    /// `/statements/ID`: the wording, the block as `statement render` prints it, the co-signers
    /// (an internal view: contacts at risk are marked and never printed), and the status change.
    static let statement = """
        <p class="crumbs"><a href="/">{{t.campaigns}}</a> › <a href="/campaigns/{{campaignID}}"><bdi>{{campaignName}}</bdi></a></p>
        <h1><bdi>{{title}}</bdi></h1>
        <p class="internal" role="note">{{t.internalPage}}</p>
        <p>{{t.status}}: <strong>{{status}}</strong> · {{t.language}}: {{language}} · {{t.wordingHash}}: <code>{{hash}}</code></p>
        <ul class="actions">
        <li><a href="/statements/{{id}}/cosigners/new">{{t.addCosigner}}</a></li>
        <li><a href="/statements/{{id}}/import">{{t.importSignOn}}</a></li>
        <li><a href="/exports?scope=statement:{{id}}">{{t.contactSheets}}</a></li>
        <li><a href="/statements/{{id}}/print">{{t.printable}}</a></li>
        </ul>
        <p>{{t.bySignatureStatus}}: {{byStatus}} · {{t.signedByECOSOC}}: {{byECOSOC}}</p>
        <section aria-labelledby="cosigners"><h2 id="cosigners">{{t.cosigners}} ({{shownCount}} / {{totalCount}})</h2>
        <form method="get" action="/statements/{{id}}" class="filter no-print">
        <p><label for="filter-q">{{t.search}}</label> <input id="filter-q" name="q" value="{{query}}" type="search">
        <label for="filter-status">{{t.status}}</label>
        <select id="filter-status" name="status"><option value="">{{t.any}}</option>{{#statusChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusChoices}}</select>
        <input type="hidden" name="sort" value="{{sort}}">
        <button type="submit">{{t.filter}}</button></p>
        </form>
        <table class="data" id="cosigner-table">
        <thead><tr>
        {{#columns}}<th scope="col">{{#link}}<a href="{{link}}">{{label}}</a>{{/link}}{{^link}}{{label}}{{/link}}{{#sorted}} ▲{{/sorted}}</th>{{/columns}}
        </tr></thead>
        <tbody>
        {{{rows}}}
        {{#noRows}}<tr><td colspan="7">{{t.noCosigners}}</td></tr>{{/noRows}}
        </tbody>
        </table>
        </section>
        <section aria-labelledby="block"><h2 id="block">{{t.signatoryBlock}}</h2>
        {{#notes}}<p class="note">{{.}}</p>{{/notes}}
        <pre class="block" dir="auto">{{block}}</pre></section>
        {{#canMove}}
        <section class="form no-print" aria-labelledby="status-change">
        <h2 id="status-change">{{t.changeStatus}}</h2>
        <form method="post" action="/statements/{{id}}/status">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="next-status">{{t.newStatus}}</label>
        <select id="next-status" name="status">{{#nextStatuses}}<option value="{{value}}">{{label}}</option>{{/nextStatuses}}</select></p>
        {{#canPublish}}
        <fieldset><legend>{{t.whenPublishing}}</legend>
        <p><label for="publish-date">{{t.date}}</label> <input id="publish-date" name="date" type="date"></p>
        <p><label for="publish-place">{{t.place}}</label> <input id="publish-place" name="place" maxlength="200"></p>
        <p><label for="publish-occasion">{{t.occasion}}</label> <input id="publish-occasion" name="occasion" maxlength="500"></p>
        <p><input id="confirm-older" name="confirmOlderWordings" type="checkbox" value="yes"> <label for="confirm-older">{{t.confirmOlderWordings}}</label></p>
        </fieldset>
        {{/canPublish}}
        <p><button type="submit">{{t.changeStatus}}</button></p>
        </form>
        </section>
        {{/canMove}}
        """

    /// The co-signers table's rows, rendered (and escaped) in chunks, one per core: a statement
    /// may have thousands. ``PageRenderer/rows(_:template:)`` puts them into `statement`.
    static let cosignerRows = """
        {{#rows}}
        <tr><td><bdi>{{organisation}}</bdi></td><td>{{country}}</td><td>{{ecosoc}}</td>
        {{#atRisk}}<td class="at-risk"><bdi>{{contact}}</bdi> <strong class="risk-mark">{{atRisk}}</strong></td>{{/atRisk}}
        {{^atRisk}}<td><bdi>{{contact}}</bdi></td>{{/atRisk}}
        <td>{{status}}</td><td>{{consent}}</td><td>{{wording}}</td></tr>
        {{/rows}}
        """

    /// `/statements/ID/print`: what may be shared, as it will be published; no contact detail.
    static let printable = """
        <article class="printable" aria-label="{{title}}">
        <pre class="block" dir="auto">{{block}}</pre>
        </article>
        """
}
