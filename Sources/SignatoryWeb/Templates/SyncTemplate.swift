extension Templates {
    /// `/sync`: each office's feed, open conflicts with both values, and likely duplicates.
    static let sync = """
        <h1>{{t.syncAndConflicts}}</h1>
        <section aria-labelledby="offices"><h2 id="offices">{{t.offices}}</h2>
        <table class="data"><thead><tr><th scope="col">{{t.office}}</th><th scope="col">{{t.changesHeld}}</th><th scope="col">{{t.notYetSent}}</th></tr></thead>
        <tbody>{{#offices}}<tr><td><bdi>{{name}}</bdi></td><td>{{held}}</td><td>{{behind}}</td></tr>{{/offices}}</tbody></table>
        </section>
        <section aria-labelledby="conflicts"><h2 id="conflicts">{{t.conflicts}} ({{conflictCount}})</h2>
        {{^conflicts}}<p>{{t.noConflicts}}</p>{{/conflicts}}
        {{#conflicts}}
        <article class="conflict" id="conflict-{{id}}">
        <h3>{{subject}} — {{field}}</h3>
        <form method="post" action="/conflicts/{{id}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <fieldset><legend>{{t.keepWhich}}</legend>
        <p><input type="radio" id="keep-kept-{{id}}" name="keep" value="kept" checked> <label for="keep-kept-{{id}}">{{t.keepThis}} «<bdi>{{kept}}</bdi>» — {{keptBy}}</label></p>
        <p><input type="radio" id="keep-other-{{id}}" name="keep" value="other"> <label for="keep-other-{{id}}">{{t.keepThat}} «<bdi>{{other}}</bdi>» — {{otherBy}}</label></p>
        <p><input type="radio" id="keep-typed-{{id}}" name="keep" value="typed"> <label for="keep-typed-{{id}}">{{t.typeValue}}</label>
        <label class="visually-hidden" for="typed-{{id}}">{{t.typedValue}}</label> <input id="typed-{{id}}" name="value"></p>
        </fieldset>
        <p><button type="submit" id="resolve-{{id}}">{{t.resolve}}</button></p>
        </form>
        </article>
        {{/conflicts}}
        </section>
        <section aria-labelledby="duplicates"><h2 id="duplicates">{{t.duplicates}} ({{duplicateCount}})</h2>
        {{^duplicates}}<p>{{t.noDuplicates}}</p>{{/duplicates}}
        {{#duplicates}}
        <form method="post" action="/duplicates/merge" class="duplicate">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="keep" value="{{keepID}}"><input type="hidden" name="duplicate" value="{{duplicateID}}">
        <p><bdi>{{keepName}}</bdi> / <bdi>{{duplicateName}}</bdi>: {{reason}}
        <button type="submit">{{mergeLabel}}</button></p>
        </form>
        {{/duplicates}}
        </section>
        """
}
