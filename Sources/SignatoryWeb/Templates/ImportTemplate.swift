extension Templates {
    /// `/statements/ID/import`: upload a sign-on CSV for a dry run.
    static let importForm = """
        <p class="crumbs"><a href="/statements/{{statementID}}"><bdi>{{statementTitle}}</bdi></a></p>
        <h1>{{t.importSignOn}}</h1>
        <p>{{t.importExplained}}</p>
        <form method="post" action="/statements/{{statementID}}/import" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="import-file">{{t.signOnFile}}</label> <input id="import-file" name="file" type="file" accept=".csv,text/csv" required></p>
        <p><label for="import-mode">{{t.importMode}}</label>
        <select id="import-mode" name="mode"><option value="skip">{{t.modeSkip}}</option><option value="fill">{{t.modeFill}}</option><option value="update">{{t.modeUpdate}}</option></select></p>
        <p><label for="import-consent">{{t.defaultConsent}}</label>
        <select id="import-consent" name="consent"><option value="">{{t.consentFromFile}}</option><option value="yes">{{t.yes}}</option><option value="no">{{t.no}}</option></select></p>
        <p><input type="checkbox" id="import-strict" name="strict" value="yes"> <label for="import-strict">{{t.strictImport}}</label></p>
        <p><input type="checkbox" id="import-skip" name="skipBadRows" value="yes"> <label for="import-skip">{{t.skipBadRows}}</label></p>
        <p><button type="submit" id="preview">{{t.preview}}</button></p>
        </form>
        """

    /// The dry run of an upload, row by row, and the button that imports it.
    static let importPreview = """
        <p class="crumbs"><a href="/statements/{{statementID}}"><bdi>{{statementTitle}}</bdi></a></p>
        <h1>{{heading}}</h1>
        <p>{{summary}}</p>
        <table class="data"><caption>{{t.columnsRead}}</caption>
        <thead><tr><th scope="col">{{t.header}}</th><th scope="col">{{t.field}}</th></tr></thead>
        <tbody>{{#columns}}<tr><td>{{header}}</td><td>{{field}}</td></tr>{{/columns}}</tbody></table>
        <table class="data" id="import-rows"><caption>{{t.rows}}</caption>
        <thead><tr><th scope="col">{{t.line}}</th><th scope="col">{{t.organisation}}</th><th scope="col">{{t.outcome}}</th></tr></thead>
        <tbody>{{#rows}}<tr class="{{kind}}"><td>{{line}}</td><td><bdi>{{organisation}}</bdi></td><td>{{outcome}}</td></tr>{{/rows}}</tbody></table>
        {{#hasWarnings}}<h2>{{t.warnings}}</h2><ul>{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>{{/hasWarnings}}
        {{#upload}}
        <form method="post" action="/statements/{{statementID}}/import/confirm">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="upload" value="{{upload}}">
        <p><button type="submit" id="confirm-import">{{t.confirmImport}}</button> <a href="/statements/{{statementID}}/import">{{t.cancel}}</a></p>
        </form>
        {{/upload}}
        {{#blocked}}<p class="warning" role="alert">{{blocked}}</p><p><a href="/statements/{{statementID}}/import">{{t.tryAnotherFile}}</a></p>{{/blocked}}
        {{#done}}<p><a href="/statements/{{statementID}}">{{t.backToStatement}}</a></p>{{/done}}
        """
}
