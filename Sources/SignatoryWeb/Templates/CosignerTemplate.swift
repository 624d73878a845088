extension Templates {
    /// `/statements/ID/cosigners/new`: an organisation, its contact and its signature in one form.
    /// "Check" looks the organisation up first; a new one that looks like one held needs a tick.
    static let cosigner = """
        <p class="crumbs"><a href="/statements/{{statementID}}"><bdi>{{statementTitle}}</bdi></a></p>
        <h1>{{t.addCosigner}}</h1>
        <form method="get" action="/statements/{{statementID}}/cosigners/new" class="no-print">
        <fieldset><legend>{{t.organisation}}</legend>
        <p><label for="org-name">{{t.name}}</label> <input id="org-name" name="name" value="{{name}}" maxlength="500" required></p>
        <p><label for="org-acronym">{{t.acronym}}</label> <input id="org-acronym" name="acronym" value="{{acronym}}" maxlength="50"></p>
        <p><label for="org-country">{{t.country}}</label> <input id="org-country" name="country" value="{{country}}" size="4" maxlength="2" placeholder="FR"></p>
        <p><label for="org-icso">{{t.icsoNumber}}</label> <input id="org-icso" name="icso" value="{{icso}}" maxlength="20"></p>
        <p><label for="contact-email-lookup">{{t.contactEmail}}</label> <input id="contact-email-lookup" name="email" value="{{email}}" type="email" maxlength="320"></p>
        <p><button type="submit" id="check">{{t.checkOrganisation}}</button></p>
        </fieldset>
        </form>
        {{#checked}}
        <form method="post" action="/statements/{{statementID}}/cosigners">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="name" value="{{name}}">
        <input type="hidden" name="acronym" value="{{acronym}}">
        <input type="hidden" name="country" value="{{country}}">
        <input type="hidden" name="icso" value="{{icso}}">
        <fieldset><legend>{{t.whichOrganisation}}</legend>
        {{#candidates}}
        <p><input type="radio" id="org-{{id}}" name="organisation" value="{{id}}"{{#first}} checked{{/first}}>
        <label for="org-{{id}}"><bdi>{{name}}</bdi>{{#country}} ({{country}}){{/country}} — {{why}}</label></p>
        {{/candidates}}
        {{#hasCandidates}}<p class="warning" role="alert">{{t.likelyDuplicate}}</p>{{/hasCandidates}}
        <p><input type="radio" id="org-new" name="organisation" value="new"{{^hasCandidates}} checked{{/hasCandidates}}>
        <label for="org-new">{{t.createNewOrganisation}}</label></p>
        {{#hasCandidates}}<p><input type="checkbox" id="confirm-new" name="confirmNew" value="yes">
        <label for="confirm-new">{{t.confirmNewOrganisation}}</label></p>{{/hasCandidates}}
        <p><label for="org-ecosoc">{{t.ecosocStatus}}</label>
        <select id="org-ecosoc" name="ecosoc">{{#ecosocChoices}}<option value="{{value}}">{{label}}</option>{{/ecosocChoices}}</select></p>
        </fieldset>
        <fieldset><legend>{{t.contact}}</legend>
        <p><label for="contact-name">{{t.contactName}}</label> <input id="contact-name" name="contactName" maxlength="500"></p>
        <p><label for="contact-title">{{t.contactTitle}}</label> <input id="contact-title" name="contactTitle" maxlength="500"></p>
        <p><label for="contact-email">{{t.contactEmail}}</label> <input id="contact-email" name="contactEmail" value="{{email}}" type="email" maxlength="320"></p>
        <p><label for="contact-phone">{{t.contactPhone}}</label> <input id="contact-phone" name="contactPhone" type="tel" maxlength="40"></p>
        <p><input type="checkbox" id="contact-risk" name="atRisk" value="yes"> <label for="contact-risk">{{t.contactAtRisk}}</label></p>
        <p><input type="checkbox" id="contact-consent" name="contactConsent" value="yes"> <label for="contact-consent">{{t.contactConsent}}</label></p>
        </fieldset>
        <fieldset><legend>{{t.signature}}</legend>
        <p><label for="signature-status">{{t.status}}</label>
        <select id="signature-status" name="status">{{#signatureChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/signatureChoices}}</select></p>
        <p><input type="checkbox" id="signature-consent" name="consent" value="yes" checked> <label for="signature-consent">{{t.signatureConsent}}</label></p>
        </fieldset>
        <p><button type="submit" id="add">{{t.addCosigner}}</button></p>
        </form>
        {{/checked}}
        """
}
