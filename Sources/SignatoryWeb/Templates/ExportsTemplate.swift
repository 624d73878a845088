extension Templates {
    /// `/exports`: every sheet for each audience, with who is left out and why.
    static let exports = """
        <h1>{{t.contactSheets}}: <bdi>{{scopeTitle}}</bdi></h1>
        <form method="get" action="/exports" class="no-print">
        <p><label for="export-scope">{{t.scope}}</label>
        <select id="export-scope" name="scope">{{#scopes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/scopes}}</select>
        <button type="submit">{{t.show}}</button></p>
        </form>
        {{#audiences}}
        <section aria-labelledby="audience-{{audience}}">
        <h2 id="audience-{{audience}}">{{label}}</h2>
        <p>{{explanation}}</p>
        <p>{{lines}} · {{omitted}}</p>
        <ul class="downloads">{{#formats}}<li><a href="{{href}}" download>{{label}}</a></li>{{/formats}}</ul>
        </section>
        {{/audiences}}
        """
}
